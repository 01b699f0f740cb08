package io.brainstem.bench.mining;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.MinerSettings;
import io.brainstem.domain.signature.TemplateMiner;
import io.brainstem.domain.signature.TemplateMiners;
import io.brainstem.domain.signature.mining.MiningPreview;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures the default template miner: grouping and parsing accuracy on labelled log sets, then
 * single-thread throughput and heap.
 *
 * <p>Usage: {@code MiningBenchmark DATA_DIR [OUT_DIR] [--corpus=DIR] [--accuracy-only | --throughput-only]}.
 * DATA_DIR holds {@code loghub2k/NAME.content} + {@code NAME.truth} pairs (it may be missing); {@code --corpus}
 * names a second collection (the generated {@code bench/corpus}). Every pair found is scored by
 * {@link GroupingAccuracy} (the semantics of the shared {@code ga.py}), one table per collection.
 * Predictions are written to OUT_DIR (default {@code target/mining}), the corpus's under {@code OUT_DIR/corpus}.
 * Throughput runs over the shared sets, or over the corpus when they are absent.
 */
public final class MiningBenchmark {

    private static final int MIN_THROUGHPUT_LINES = 1_000_000;
    private static final int MEASURED_RUNS = 5;

    private MiningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: MiningBenchmark DATA_DIR [OUT_DIR] [--corpus=DIR] [--accuracy-only|--throughput-only]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        List<String> flags = Arrays.stream(args).filter(a -> a.startsWith("--")).toList();
        List<String> positional = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        Path out = positional.size() > 1 ? Path.of(positional.get(1)) : Path.of("target", "mining");
        Path sets = Files.isDirectory(data.resolve("loghub2k")) ? data.resolve("loghub2k") : data;
        List<Path> contents = Files.isDirectory(sets) ? contentFiles(sets) : List.of();
        List<Path> corpus = List.of();
        for (String flag : flags) {
            if (flag.startsWith("--corpus=")) {
                Path dir = Path.of(flag.substring("--corpus=".length()));
                corpus = Files.isDirectory(dir) ? contentFiles(dir) : List.of();
            }
        }
        if (contents.isEmpty() && corpus.isEmpty()) {
            throw new IllegalArgumentException("no NAME.content files under " + sets + " nor in the corpus");
        }
        if (!flags.contains("--throughput-only")) {
            if (!contents.isEmpty()) {
                accuracy("## Accuracy (fresh miner per set, default configuration)", contents, out);
            }
            if (!corpus.isEmpty()) {
                accuracy("## Accuracy on the generated corpus (bench/corpus, fresh miner per set)", corpus,
                        out.resolve("corpus"));
            }
        }
        if (!flags.contains("--accuracy-only")) {
            throughput(contents.isEmpty() ? corpus : contents);
        }
    }

    private static List<Path> contentFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".content")).sorted().toList();
        }
    }

    private static String nameOf(Path content) {
        String file = content.getFileName().toString();
        return file.substring(0, file.length() - ".content".length());
    }

    private static void accuracy(String title, List<Path> contents, Path out) throws IOException {
        Files.createDirectories(out);
        System.out.println(title);
        System.out.println();
        boolean states = contents.stream().allMatch(c -> Files.exists(c.resolveSibling(nameOf(c) + ".states.truth")));
        if (states) {
            System.out.println("| set | GA | PA | signatures | true groups | GA (ADR 9 truth) | PA (ADR 9 truth) | true groups (ADR 9) |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        } else {
            System.out.println("| set | GA | PA | signatures | true groups |");
            System.out.println("| --- | ---: | ---: | ---: | ---: |");
        }
        double gaSum = 0;
        double paSum = 0;
        double gaMin = 1;
        double gaStatesSum = 0;
        double paStatesSum = 0;
        double gaStatesMin = 1;
        for (Path content : contents) {
            String name = nameOf(content);
            List<String> lines = Files.readAllLines(content, StandardCharsets.UTF_8);
            List<String> predicted = new ArrayList<>(lines.size());
            MiningPreview.preview(TenantId.of("bench"), lines, predicted::add);
            Path predictedFile = out.resolve(name + ".predicted");
            Files.write(predictedFile, predicted, StandardCharsets.UTF_8);
            Path truth = content.resolveSibling(name + ".truth");
            GroupingAccuracy.Score score = GroupingAccuracy.score(truth, predictedFile);
            double ga = score.ga();
            double pa = score.pa().orElseThrow();
            gaSum += ga;
            paSum += pa;
            gaMin = Math.min(gaMin, ga);
            if (!states) {
                System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %d | %d |%n", name, ga, pa, score.groups(),
                        score.trueGroups());
                continue;
            }
            GroupingAccuracy.Score literal = GroupingAccuracy.score(content.resolveSibling(name + ".states.truth"),
                    predictedFile);
            gaStatesSum += literal.ga();
            paStatesSum += literal.pa().orElseThrow();
            gaStatesMin = Math.min(gaStatesMin, literal.ga());
            System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %d | %d | %.4f | %.4f | %d |%n", name, ga, pa,
                    score.groups(), score.trueGroups(), literal.ga(), literal.pa().orElseThrow(), literal.trueGroups());
        }
        int n = contents.size();
        if (states) {
            System.out.printf(Locale.ROOT, "| **average** | **%.4f** | **%.4f** | | | **%.4f** | **%.4f** | |%n",
                    gaSum / n, paSum / n, gaStatesSum / n, paStatesSum / n);
            System.out.printf(Locale.ROOT, "%nlowest GA %.4f (ADR 9 truth %.4f); predictions in %s%n%n", gaMin,
                    gaStatesMin, out);
        } else {
            System.out.printf(Locale.ROOT, "| **average** | **%.4f** | **%.4f** | | |%n", gaSum / n, paSum / n);
            System.out.printf(Locale.ROOT, "%nlowest GA %.4f; predictions in %s%n%n", gaMin, out);
        }
    }

    private static void throughput(List<Path> contents) {
        List<String> messages = new ArrayList<>();
        for (Path content : contents) {
            try {
                messages.addAll(Files.readAllLines(content, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int repeats = (MIN_THROUGHPUT_LINES + messages.size() - 1) / messages.size();
        String[] stream = new String[messages.size() * repeats];
        for (int r = 0; r < repeats; r++) {
            for (int i = 0; i < messages.size(); i++) {
                stream[r * messages.size() + i] = messages.get(i);
            }
        }
        System.out.println("## Throughput (one thread, fresh miner per run)");
        System.out.println();
        System.out.printf(Locale.ROOT, "%,d distinct-position messages repeated %d times = %,d lines per run%n",
                messages.size(), repeats, stream.length);
        long firstPassStart = System.nanoTime();
        TemplateMiner cold = TemplateMiners.create(TenantId.of("bench"), MinerSettings.DEFAULTS);
        for (String message : messages) {
            cold.add(message);
        }
        double coldSeconds = (System.nanoTime() - firstPassStart) / 1e9;
        System.out.printf(Locale.ROOT, "first pass, before warm-up, every set new to the miner: %,.0f lines/s%n",
                messages.size() / coldSeconds);
        for (int w = 0; w < 3; w++) {
            run(stream);
        }
        double[] rates = new double[MEASURED_RUNS];
        for (int r = 0; r < MEASURED_RUNS; r++) {
            long start = System.nanoTime();
            int signatures = run(stream);
            double seconds = (System.nanoTime() - start) / 1e9;
            rates[r] = stream.length / seconds;
            System.out.printf(Locale.ROOT, "run %d: %,.0f lines/s (%d signatures)%n", r + 1, rates[r], signatures);
        }
        Arrays.sort(rates);
        long novelStart = System.nanoTime();
        TemplateMiner novel = TemplateMiners.create(TenantId.of("bench"), MinerSettings.DEFAULTS);
        for (String message : messages) {
            novel.add(message);
        }
        System.out.printf(Locale.ROOT, "first pass, warm JVM, every set new to the miner: %,.0f lines/s%n",
                messages.size() / ((System.nanoTime() - novelStart) / 1e9));
        System.out.printf(Locale.ROOT, "median %,.0f lines/s, best %,.0f lines/s%n", rates[MEASURED_RUNS / 2],
                rates[MEASURED_RUNS - 1]);
        heap(stream);
    }

    private static int run(String[] stream) {
        TemplateMiner miner = TemplateMiners.create(TenantId.of("bench"), MinerSettings.DEFAULTS);
        long checksum = 0;
        for (String line : stream) {
            checksum += miner.add(line).template().length();
        }
        if (checksum == 42) {
            System.out.println();
        }
        return miner.size();
    }

    private static void heap(String[] stream) {
        Runtime rt = Runtime.getRuntime();
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        TemplateMiner miner = TemplateMiners.create(TenantId.of("bench"), MinerSettings.DEFAULTS);
        for (String line : stream) {
            miner.add(line);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf(Locale.ROOT,
                "heap retained by one miner after %,d lines: %.2f MB (%d signatures); "
                        + "allocated %.0f bytes/line; JVM heap in use %.1f MB of %.1f MB committed, max %.0f MB%n",
                stream.length, (after - before) / 1e6, miner.size(), (double) allocated / stream.length,
                after / 1e6, rt.totalMemory() / 1e6, rt.maxMemory() / 1e6);
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
