package io.brainstem.domain.signature.mining;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.shared.DomainViolation;
import io.brainstem.domain.signature.MinerSettings;
import io.brainstem.domain.signature.SignatureId;
import io.brainstem.domain.signature.TemplateMiner;
import io.brainstem.domain.signature.TemplateMiners;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Mines lines in order and reports, for each line in input order, its <em>final</em> assignment:
 * {@code signature_id<TAB>template}, the template as it stands after the last line. A template that
 * generalized late is therefore reported for the early lines too, and a line whose signature was later
 * merged into another ({@link TemplateMiner.Match#absorbed()}) is reported under the survivor.
 *
 * <p>Each line is mined as it is, or as {@code messageOf} turns it into the message to mine: the CLI passes
 * {@code Canonicalizer#messageToMine} so that templates and ids are the server's for the same syslog lines.
 *
 * <p>Only one {@code int} per line is kept (plus one id and one template per signature), so a file of
 * millions of lines fits in little memory; the lines themselves are not kept.
 */
public final class MiningPreview {

    private MiningPreview() {
    }

    /** Previews with the default engine and settings for {@code tenant}. */
    public static void preview(TenantId tenant, Iterable<String> lines, Consumer<String> output) {
        preview(TemplateMiners.create(tenant, MinerSettings.DEFAULTS), lines, output);
    }

    /** Previews with a given (fresh or restored) miner. */
    public static void preview(TemplateMiner miner, Iterable<String> lines, Consumer<String> output) {
        preview(miner, lines, UnaryOperator.identity(), output);
    }

    /** Previews the messages {@code messageOf} makes of the lines, with the default engine and settings. */
    public static void preview(TenantId tenant, Iterable<String> lines, UnaryOperator<String> messageOf,
            Consumer<String> output) {
        preview(TemplateMiners.create(tenant, MinerSettings.DEFAULTS), lines, messageOf, output);
    }

    /** Previews the messages {@code messageOf} makes of the lines, with a given (fresh or restored) miner. */
    public static void preview(TemplateMiner miner, Iterable<String> lines, UnaryOperator<String> messageOf,
            Consumer<String> output) {
        DomainViolation.requirePresent(miner, "miner");
        DomainViolation.requirePresent(messageOf, "messageOf");
        DomainViolation.requirePresent(output, "output");
        Map<SignatureId, Integer> indexOf = new HashMap<>();
        List<SignatureId> ids = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        List<Integer> survivorOf = new ArrayList<>();
        int[] assignment = new int[1024];
        int count = 0;
        for (String line : DomainViolation.requirePresent(lines, "lines")) {
            TemplateMiner.Match match = miner.add(messageOf.apply(line));
            Integer index = indexOf.get(match.signatureId());
            if (index == null) {
                index = ids.size();
                indexOf.put(match.signatureId(), index);
                ids.add(match.signatureId());
                templates.add(match.template());
                survivorOf.add(index);
            } else {
                templates.set(index, match.template());
                survivorOf.set(index, index);
            }
            for (SignatureId absorbed : match.absorbed()) {
                Integer merged = indexOf.get(absorbed);
                if (merged != null) {
                    survivorOf.set(merged, index);
                }
            }
            if (count == assignment.length) {
                assignment = Arrays.copyOf(assignment, count * 2);
            }
            assignment[count++] = index;
        }
        for (int i = 0; i < count; i++) {
            int index = survivor(survivorOf, assignment[i]);
            output.accept(ids.get(index).value() + "\t" + templates.get(index));
        }
    }

    /**
     * Loghub's grouping accuracy of a preview: the share of lines whose predicted group holds exactly the
     * lines of their true group. Both lists hold one line per message, the group's id before an optional tab.
     */
    public static double groupingAccuracy(List<String> truth, List<String> predicted) {
        if (truth.size() != predicted.size()) {
            throw new DomainViolation(predicted.size() + " predicted lines for " + truth.size() + " messages");
        }
        Map<String, Set<Integer>> trueGroups = new HashMap<>();
        Map<String, Set<Integer>> predictedGroups = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            trueGroups.computeIfAbsent(groupOf(truth.get(i)), k -> new HashSet<>()).add(i);
            predictedGroups.computeIfAbsent(groupOf(predicted.get(i)), k -> new HashSet<>()).add(i);
        }
        int correct = 0;
        for (Set<Integer> members : predictedGroups.values()) {
            if (trueGroups.get(groupOf(truth.get(members.iterator().next()))).equals(members)) {
                correct += members.size();
            }
        }
        return truth.isEmpty() ? 1 : (double) correct / truth.size();
    }

    private static String groupOf(String line) {
        int tab = line.indexOf('\t');
        return tab < 0 ? line : line.substring(0, tab);
    }

    private static int survivor(List<Integer> survivorOf, int index) {
        int i = index;
        while (survivorOf.get(i) != i) {
            i = survivorOf.get(i);
        }
        return i;
    }
}
