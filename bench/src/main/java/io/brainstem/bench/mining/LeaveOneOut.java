package io.brainstem.bench.mining;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.MinerSettings;
import io.brainstem.domain.signature.TemplateMiners;
import io.brainstem.domain.signature.mining.MiningPreview;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Leave-one-out choice of the miner's tunable parameter ({@link MinerSettings#variableAfter()}): for each
 * labelled set held out, the grid value with the best average GA on the other sets is picked (ties to the
 * smaller value), and the held-out set is scored with it. The average of those held-out scores is what the
 * parameter choice is worth on a set it was not chosen on.
 *
 * <p>Usage: {@code LeaveOneOut DIR [DIR...]}: every {@code NAME.content} + {@code NAME.truth} pair in the
 * directories (or their {@code loghub2k/} subdirectory) takes part.
 */
public final class LeaveOneOut {

    static final int[] GRID = {2, 3, 4, 5, 6, 8};

    private LeaveOneOut() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> contents = new ArrayList<>();
        for (String arg : args) {
            Path dir = Path.of(arg);
            Path sets = Files.isDirectory(dir.resolve("loghub2k")) ? dir.resolve("loghub2k") : dir;
            try (Stream<Path> files = Files.list(sets)) {
                files.filter(p -> p.getFileName().toString().endsWith(".content")).sorted().forEach(contents::add);
            }
        }
        List<String> names = new ArrayList<>();
        double[][] ga = new double[contents.size()][GRID.length];
        for (int s = 0; s < contents.size(); s++) {
            Path content = contents.get(s);
            String file = content.getFileName().toString();
            String name = file.substring(0, file.length() - ".content".length());
            names.add(name);
            List<String> lines = Files.readAllLines(content, StandardCharsets.UTF_8);
            List<String> truth = Files.readAllLines(content.resolveSibling(name + ".truth"), StandardCharsets.UTF_8);
            for (int g = 0; g < GRID.length; g++) {
                MinerSettings settings = MinerSettings.DEFAULTS.withVariableAfter(GRID[g]);
                List<String> predicted = new ArrayList<>(lines.size());
                MiningPreview.preview(TemplateMiners.create(TenantId.of("bench"), settings), lines, predicted::add);
                ga[s][g] = MiningPreview.groupingAccuracy(truth, predicted);
            }
        }
        System.out.println("## GA by variableAfter");
        System.out.println();
        StringBuilder header = new StringBuilder("| set |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (int k : GRID) {
            header.append(' ').append(k).append(" |");
            rule.append(" ---: |");
        }
        System.out.println(header);
        System.out.println(rule);
        for (int s = 0; s < names.size(); s++) {
            StringBuilder row = new StringBuilder("| " + names.get(s) + " |");
            for (int g = 0; g < GRID.length; g++) {
                row.append(String.format(Locale.ROOT, " %.4f |", ga[s][g]));
            }
            System.out.println(row);
        }
        System.out.println();
        System.out.println("## Leave one out");
        System.out.println();
        System.out.println("| held out | chosen on the others | GA on the others | held-out GA |");
        System.out.println("| --- | ---: | ---: | ---: |");
        double heldOutSum = 0;
        double heldOutMin = 1;
        for (int out = 0; out < names.size(); out++) {
            int bestG = 0;
            double bestAvg = -1;
            for (int g = 0; g < GRID.length; g++) {
                double sum = 0;
                for (int s = 0; s < names.size(); s++) {
                    sum += s == out ? 0 : ga[s][g];
                }
                double avg = sum / (names.size() - 1);
                if (avg > bestAvg + 1e-12) {
                    bestAvg = avg;
                    bestG = g;
                }
            }
            heldOutSum += ga[out][bestG];
            heldOutMin = Math.min(heldOutMin, ga[out][bestG]);
            System.out.printf(Locale.ROOT, "| %s | %d | %.4f | %.4f |%n", names.get(out), GRID[bestG], bestAvg,
                    ga[out][bestG]);
        }
        System.out.printf(Locale.ROOT, "| **average** | | | **%.4f** (lowest %.4f) |%n", heldOutSum / names.size(),
                heldOutMin);
    }
}
