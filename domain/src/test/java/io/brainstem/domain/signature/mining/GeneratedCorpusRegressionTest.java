package io.brainstem.domain.signature.mining;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.brainstem.domain.envelope.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mines every labelled set generated from real programs' format strings ({@code ../bench/corpus}, relative to
 * this module; {@code NAME.content} + {@code NAME.truth}, the Loghub layout) with the default miner and keeps
 * its grouping accuracy above a floor. Skipped when the corpus is not there.
 */
class GeneratedCorpusRegressionTest {

    /** GA measured per generated set on 2026-12-04 (ADR 40), minus 0.03 (bench/README.md). */
    private static final Map<String, Double> GA_FLOORS = Map.ofEntries(
            Map.entry("cisco_ios", 0.34), Map.entry("dnsmasq", 0.64), Map.entry("haproxy", 0.19),
            Map.entry("junos", 0.76), Map.entry("kernel", 0.65), Map.entry("nginx", 0.69),
            Map.entry("openssh", 0.92), Map.entry("postfix", 0.76), Map.entry("storage", 0.90),
            Map.entry("strongswan", 0.89), Map.entry("sudo", 0.90), Map.entry("systemd", 0.82),
            Map.entry("kubelet", 0.67));
    /** Floor of a set generated after these were measured. */
    private static final double NEW_SET_FLOOR = 0.0;

    @Test
    void everyGeneratedSetKeepsItsGroupingAccuracy() throws IOException {
        Path corpus = Path.of("..", "bench", "corpus");
        assumeTrue(Files.isDirectory(corpus), "no generated corpus at " + corpus.toAbsolutePath());
        List<Path> contents;
        try (Stream<Path> files = Files.list(corpus)) {
            contents = files.filter(p -> p.getFileName().toString().endsWith(".content")).sorted().toList();
        }
        assumeTrue(!contents.isEmpty(), "the generated corpus is empty");
        List<String> low = new ArrayList<>();
        for (Path content : contents) {
            String file = content.getFileName().toString();
            String name = file.substring(0, file.length() - ".content".length());
            List<String> lines = Files.readAllLines(content, StandardCharsets.UTF_8);
            List<String> truth = Files.readAllLines(corpus.resolve(name + ".truth"), StandardCharsets.UTF_8);
            List<String> predicted = new ArrayList<>(lines.size());
            MiningPreview.preview(TenantId.of("corpus"), lines, predicted::add);
            double ga = MiningPreview.groupingAccuracy(truth, predicted);
            if (ga < GA_FLOORS.getOrDefault(name, NEW_SET_FLOOR)) {
                low.add(name + " " + ga);
            }
        }

        assertTrue(low.isEmpty(), "below their GA floors: " + low);
    }
}
