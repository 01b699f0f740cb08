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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mines every labelled set generated from real programs' format strings ({@code ../bench/corpus}, relative to
 * this module; {@code NAME.content} + {@code NAME.truth}, the Loghub layout) with the default miner and keeps
 * its grouping accuracy above a floor. Skipped when the corpus is not there.
 */
class GeneratedCorpusRegressionTest {

    /** Lowest GA measured on the generated sets (openssh 0.9395 on 2026-12-02), minus a margin (bench/README.md). */
    private static final double GA_FLOOR = 0.90;

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
            if (ga < GA_FLOOR) {
                low.add(name + " " + ga);
            }
        }

        assertTrue(low.isEmpty(), "below the GA floor " + GA_FLOOR + ": " + low);
    }
}
