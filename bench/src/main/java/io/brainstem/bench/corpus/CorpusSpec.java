package io.brainstem.bench.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One labelled set's specification, read from {@code specs/NAME.tsv}: one template a line,
 * {@code weight<TAB>template<TAB>source}; {@code #} starts a comment line, blank lines are skipped.
 *
 * <p>A template is the program's format string with each conversion written as a typed placeholder
 * {@code {type}} or {@code {type:argument}} (see {@link Values} for the types). Any other brace is
 * literal text. The true template is the format with every placeholder replaced by {@code <*>}.
 */
record CorpusSpec(String name, List<Template> templates) {

    /** A placeholder: {@code {type}} or {@code {type:argument}}, type in lower case. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)(?::([^{}]*))?}");

    CorpusSpec {
        templates = List.copyOf(templates);
        if (templates.isEmpty()) {
            throw new IllegalArgumentException(name + ": no templates");
        }
    }

    /** A format: literal parts and placeholders, alternating ({@code parts.size() == slots.size() + 1}). */
    record Template(String eventId, double weight, List<String> parts, List<Slot> slots, String source) {

        Template {
            parts = List.copyOf(parts);
            slots = List.copyOf(slots);
            if (parts.size() != slots.size() + 1) {
                throw new IllegalArgumentException("parts and slots do not alternate");
            }
            if (!(weight > 0)) {
                throw new IllegalArgumentException(eventId + ": weight must be positive");
            }
        }

        /** The truth template: each placeholder as {@code <*>}. */
        String truth() {
            return String.join("<*>", parts);
        }

        /**
         * The truth template under ADR 9's convention (ADR 29): a placeholder that printed a value the miner
         * keeps literal ({@link Slot#keptLiteral}) holds that value, the others {@code <*>}.
         */
        String statesTruth(List<String> values) {
            StringBuilder out = new StringBuilder(parts.getFirst());
            for (int i = 0; i < slots.size(); i++) {
                out.append(slots.get(i).keptLiteral(values.get(i)) ? values.get(i) : "<*>").append(parts.get(i + 1));
            }
            return out.toString();
        }

        /** The event id under ADR 9's convention: the id, and each value the miner keeps literal with its slot. */
        String statesEventId(List<String> values) {
            StringBuilder out = new StringBuilder(eventId);
            for (int i = 0; i < slots.size(); i++) {
                if (slots.get(i).keptLiteral(values.get(i))) {
                    out.append('/').append(i).append('=').append(values.get(i));
                }
            }
            return out.toString();
        }

        /** A regular expression matching every message this template can print. */
        Pattern pattern() {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < slots.size(); i++) {
                regex.append(Pattern.quote(parts.get(i))).append(slots.get(i).regex());
            }
            regex.append(Pattern.quote(parts.getLast()));
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }
    }

    /** One placeholder: its type and the argument after the colon (empty when none). */
    record Slot(String type, String argument) {

        /** A regular expression for this slot's values: as narrow as the type, so the check finds real overlaps. */
        String regex() {
            return switch (type) {
                case "ipv4" -> "(\\d+\\.\\d+\\.\\d+\\.\\d+)";
                case "int", "port", "sport", "pid", "seq", "bytes", "ms", "uid", "asn", "vlan" -> "(-?\\d+)";
                case "float", "secs" -> "(-?\\d+\\.\\d+)";
                case "hex", "xhex", "qid" -> "([0-9a-fA-F]+)";
                default -> mayHoldSpace() ? "(.+?)" : "(\\S+?)";
            };
        }

        /**
         * Whether {@code value}, printed by this slot, is one of a closed set ({@code {one:...}}) and a word the
         * miner keeps literal on purpose (ADR 9: {@code up|down}, {@code GET|POST}, {@code FULL|INIT}): under
         * ADR 9's convention such a value makes its own event, since the detector reads state polarity from it.
         * The set's other values stay one {@code <*>}.
         */
        boolean keptLiteral(String value) {
            return type.equals("one") && io.brainstem.domain.signature.mining.LiteralWords.keptLiteral(value);
        }

        /** Whether a value of this slot can contain a space (a listed phrase, a systemd duration). */
        boolean mayHoldSpace() {
            return argument.contains(" ") || type.equals("duration") || type.equals("unitdesc");
        }
    }

    static CorpusSpec read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.lastIndexOf('.'));
        List<Template> templates = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 3) {
                throw new IllegalArgumentException(
                        file + ":" + lineNumber + ": want weight<TAB>template<TAB>source, got " + columns.length
                                + " columns");
            }
            try {
                templates.add(parse("E" + (templates.size() + 1), Double.parseDouble(columns[0].strip()),
                        columns[1], columns[2].strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return new CorpusSpec(name, templates);
    }

    static Template parse(String eventId, double weight, String format, String source) {
        List<String> parts = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(format);
        int at = 0;
        while (m.find()) {
            parts.add(format.substring(at, m.start()));
            slots.add(new Slot(m.group(1), m.group(2) == null ? "" : m.group(2)));
            at = m.end();
        }
        parts.add(format.substring(at));
        if (format.isBlank() || format.contains("<*>")) {
            throw new IllegalArgumentException("blank template or a literal <*>: " + format);
        }
        return new Template(eventId, weight, parts, slots, source);
    }
}
