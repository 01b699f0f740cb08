package io.brainstem.bench.mining;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Scores a signature assignment against labelled ground truth, with exactly the semantics of the shared
 * {@code ga.py}: grouping accuracy (GA: a message counts when the group it was put in holds exactly the
 * messages of its true group, the Loghub metric) and, when every predicted line carries a template,
 * parsing accuracy (PA: the predicted template equals the true one, white space folded as Python's
 * {@code " ".join(s.split())} folds it).
 *
 * <p>Usage: {@code GroupingAccuracy TRUTH PREDICTED}; prints the same line as {@code ga.py}.
 * TRUTH has one line per message, {@code EventId<TAB>EventTemplate}; PREDICTED one line per message in
 * the same order, {@code signature_id[<TAB>template]}.
 */
public final class GroupingAccuracy {

    /** The score of one set: GA, predicted and true group counts, PA when templates were given. */
    public record Score(double ga, int groups, int trueGroups, OptionalDouble pa) {

        /** The line {@code ga.py} prints for the same input. */
        public String line() {
            String line = String.format(Locale.ROOT, "GA %.4f groups %d true_groups %d", ga, groups, trueGroups);
            return pa.isPresent() ? line + String.format(Locale.ROOT, " PA %.4f", pa.getAsDouble()) : line;
        }
    }

    private GroupingAccuracy() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: GroupingAccuracy TRUTH PREDICTED");
            System.exit(2);
        }
        System.out.println(score(Path.of(args[0]), Path.of(args[1])).line());
    }

    /** Reads both files (UTF-8, one record a line) and scores them. */
    public static Score score(Path truth, Path predicted) throws IOException {
        return score(split(Files.readAllLines(truth, StandardCharsets.UTF_8)),
                split(Files.readAllLines(predicted, StandardCharsets.UTF_8)));
    }

    /**
     * Scores split lines: each element is {@code {id}} or {@code {id, template}}.
     *
     * @throws IllegalArgumentException when the two lists differ in length
     */
    public static Score score(List<String[]> truth, List<String[]> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(
                    predicted.size() + " predicted lines for " + truth.size() + " messages");
        }
        Map<String, Integer> trueSizes = new HashMap<>();
        Map<String, List<Integer>> predictedGroups = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            trueSizes.merge(truth.get(i)[0], 1, Integer::sum);
            predictedGroups.computeIfAbsent(predicted.get(i)[0], k -> new ArrayList<>()).add(i);
        }
        long correct = 0;
        for (List<Integer> members : predictedGroups.values()) {
            String id = truth.get(members.getFirst())[0];
            boolean pure = members.stream().allMatch(i -> truth.get(i)[0].equals(id));
            // a pure group holds a subset of its true group, so equal sizes mean equal sets
            if (pure && trueSizes.get(id) == members.size()) {
                correct += members.size();
            }
        }
        double ga = truth.isEmpty() ? Double.NaN : (double) correct / truth.size();
        OptionalDouble pa = OptionalDouble.empty();
        if (predicted.stream().allMatch(p -> p.length == 2)) {
            long same = 0;
            for (int i = 0; i < truth.size(); i++) {
                if (fold(truth.get(i)[1]).equals(fold(predicted.get(i)[1]))) {
                    same++;
                }
            }
            pa = OptionalDouble.of((double) same / truth.size());
        }
        return new Score(ga, predictedGroups.size(), trueSizes.size(), pa);
    }

    /** Splits lines at the first tab, as {@code line.split("\t", 1)} does. */
    public static List<String[]> split(List<String> lines) {
        List<String[]> split = new ArrayList<>(lines.size());
        for (String line : lines) {
            int tab = line.indexOf('\t');
            split.add(tab < 0 ? new String[] {line} : new String[] {line.substring(0, tab), line.substring(tab + 1)});
        }
        return split;
    }

    /** Python's {@code " ".join(s.split())}: runs of Unicode white space become one space, ends trimmed. */
    static String fold(String template) {
        StringBuilder out = new StringBuilder(template.length());
        boolean pending = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (isPythonSpace(c)) {
                pending = out.length() > 0;
            } else {
                if (pending) {
                    out.append(' ');
                    pending = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The characters for which Python's {@code str.isspace()} is true (all in the BMP). */
    private static boolean isPythonSpace(char c) {
        return (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= ' ') || c == '\u0085' || c == '\u00a0'
                || c == '\u1680' || (c >= '\u2000' && c <= '\u200a') || c == '\u2028' || c == '\u2029'
                || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }
}
