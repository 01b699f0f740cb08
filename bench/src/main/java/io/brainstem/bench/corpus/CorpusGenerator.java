package io.brainstem.bench.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Writes labelled log sets from format-string specifications: for every {@code specs/NAME.tsv} under the
 * corpus directory, {@code NAME.content} (2,000 message bodies, one a line) and {@code NAME.truth}
 * ({@code EventId<TAB>EventTemplate} a line, the format of the Loghub {@code .truth} files), and
 * {@code NAME.states.truth}, the same under ADR 9's convention (ADR 29): a closed set with a word the miner
 * keeps literal ({@code {one:up|down}}) is split into one event per value.
 *
 * <p>Usage: {@code CorpusGenerator CORPUS_DIR [MESSAGES]}. Deterministic: each set's random source is
 * seeded from a constant and the set's name, so the files are identical on every run and JDK.
 *
 * <p>How a set is drawn: every template appears at least once; the remaining messages are shared out in
 * proportion to the weights (drawn one by one, so the counts vary like real ones). The order imitates a
 * log: the next message is drawn in proportion to what is left of each template, and with probability
 * {@value #BURST} it repeats the previous template (bursts of the same event). Values come from
 * {@link Values}. Finally every message is checked against every other template's pattern; messages that
 * another template could also have printed are counted and reported (ambiguity the set builder should
 * fix, not the miner).
 */
public final class CorpusGenerator {

    private static final long SEED = 20_261_202L;
    private static final int DEFAULT_MESSAGES = 2_000;
    private static final double BURST = 0.3;

    private CorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: CorpusGenerator CORPUS_DIR [MESSAGES]");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_MESSAGES;
        List<Path> specs;
        try (Stream<Path> files = Files.list(corpus.resolve("specs"))) {
            specs = files.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList();
        }
        System.out.println("| set | templates | messages | templates seen once | largest template | ambiguous messages |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (Path spec : specs) {
            CorpusSpec set = CorpusSpec.read(spec);
            Generated generated = generate(set, messages);
            write(corpus, set.name(), generated);
            System.out.println(generated.summary(set));
        }
    }

    /** The messages of one set with their templates, in log order. */
    record Generated(List<String> messages, List<CorpusSpec.Template> templates, List<List<String>> values,
                     int ambiguous) {

        String summary(CorpusSpec set) {
            int[] counts = new int[set.templates().size()];
            for (CorpusSpec.Template t : templates) {
                counts[set.templates().indexOf(t)]++;
            }
            int once = 0;
            int largest = 0;
            for (int c : counts) {
                once += c == 1 ? 1 : 0;
                largest = Math.max(largest, c);
            }
            return "| " + set.name() + " | " + counts.length + " | " + messages.size() + " | " + once + " | " + largest
                    + " | " + ambiguous + " |";
        }
    }

    static Generated generate(CorpusSpec set, int size) {
        List<CorpusSpec.Template> templates = set.templates();
        if (size < templates.size()) {
            throw new IllegalArgumentException(set.name() + ": fewer messages than templates");
        }
        Random random = new Random(SEED ^ crc(set.name()));
        int[] left = counts(templates, size, random);
        Values values = new Values(random);
        List<Pattern> patterns = templates.stream().map(CorpusSpec.Template::pattern).toList();
        List<String> messages = new ArrayList<>(size);
        List<CorpusSpec.Template> labels = new ArrayList<>(size);
        List<List<String>> drawn = new ArrayList<>(size);
        int previous = -1;
        int ambiguous = 0;
        for (int n = 0; n < size; n++) {
            int next = previous >= 0 && left[previous] > 0 && random.nextDouble() < BURST
                    ? previous
                    : weighted(left, size - n, random);
            left[next]--;
            CorpusSpec.Template template = templates.get(next);
            List<String> slotValues = new ArrayList<>(template.slots().size());
            String message = render(template, values, slotValues);
            if (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0 || message.isBlank()) {
                throw new IllegalStateException(set.name() + " " + template.eventId() + ": bad message " + message);
            }
            for (int other = 0; other < patterns.size(); other++) {
                if (other != next && patterns.get(other).matcher(message).matches()) {
                    ambiguous++;
                    break;
                }
            }
            messages.add(message);
            labels.add(template);
            drawn.add(slotValues);
            previous = next;
        }
        return new Generated(messages, labels, drawn, ambiguous);
    }

    /** One per template, the rest drawn in proportion to the weights. */
    private static int[] counts(List<CorpusSpec.Template> templates, int size, Random random) {
        double total = templates.stream().mapToDouble(CorpusSpec.Template::weight).sum();
        int[] counts = new int[templates.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 1;
        }
        for (int n = templates.size(); n < size; n++) {
            double u = random.nextDouble() * total;
            int i = 0;
            while (i < counts.length - 1 && (u -= templates.get(i).weight()) > 0) {
                i++;
            }
            counts[i]++;
        }
        return counts;
    }

    private static int weighted(int[] left, int remaining, Random random) {
        int u = random.nextInt(remaining);
        for (int i = 0; i < left.length; i++) {
            u -= left[i];
            if (u < 0) {
                return i;
            }
        }
        throw new IllegalStateException("counts out of step");
    }

    private static String render(CorpusSpec.Template template, Values values, List<String> drawn) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.slots().size(); i++) {
            String value = values.next(template.slots().get(i));
            drawn.add(value);
            out.append(template.parts().get(i)).append(value);
        }
        return out.append(template.parts().getLast()).toString();
    }

    private static void write(Path corpus, String name, Generated generated) throws IOException {
        List<String> truth = new ArrayList<>(generated.templates().size());
        for (CorpusSpec.Template t : generated.templates()) {
            truth.add(t.eventId() + "\t" + t.truth());
        }
        List<String> statesTruth = new ArrayList<>(generated.templates().size());
        for (int i = 0; i < generated.templates().size(); i++) {
            CorpusSpec.Template t = generated.templates().get(i);
            List<String> v = generated.values().get(i);
            statesTruth.add(t.statesEventId(v) + "\t" + t.statesTruth(v));
        }
        Files.write(corpus.resolve(name + ".content"), generated.messages(), StandardCharsets.UTF_8);
        Files.write(corpus.resolve(name + ".truth"), truth, StandardCharsets.UTF_8);
        Files.write(corpus.resolve(name + ".states.truth"), statesTruth, StandardCharsets.UTF_8);
    }

    private static long crc(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
