package io.brainstem.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * rsyslog's own parser test cases (and a few of brainstem's), from {@code rsyslog-parser-cases.tsv}: each line
 * with the host, service, timestamp, severity, facility and message rsyslog reads from it. Brainstem must read
 * the same, except where the table names a deliberate difference:
 * <ul>
 *   <li>a line without a timestamp has no hostname and no space-ended tag (RFC 3164 §4.3.3; rsyslog takes the
 *       first two words as host and tag even then);</li>
 *   <li>the BOM before an RFC 5424 MSG is removed (RFC 5424 §6.4), rsyslog keeps it.</li>
 * </ul>
 * {@link #agreesWithRsyslogOnAtLeastTheRecordedShareOfFields()} counts how many compared fields agree.
 */
class RsyslogParserCasesTest {

    static final Instant RECEIVED = Instant.parse("2024-11-24T10:00:30Z");
    private static final String NOT_SHOWN = "?";
    private static final String NONE = "(none)";
    private static final String RECEPTION = "(received)";
    private static final List<String> FIELDS = List.of("host", "service", "timestamp", "severity", "facility",
            "message");

    /**
     * Agreeing fields out of compared fields on rsyslog's rows, as measured when this table was written (212), less
     * parse1-11's service and message since a key=value word is no tag (ADR 41).
     */
    private static final int AGREEING = 210;
    private static final int COMPARED = 217;

    record Case(String name, String raw, Map<String, String> rsyslog, Map<String, String> brainstem) {
        boolean fromRsyslog() {
            return !name.startsWith("own-");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                RsyslogParserCasesTest.class.getResourceAsStream("rsyslog-parser-cases.tsv")),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] column = line.replace("\\uFEFF", "\uFEFF").split("\t", -1);
                Map<String, String> rsyslog = new LinkedHashMap<>();
                for (int i = 0; i < FIELDS.size(); i++) {
                    rsyslog.put(FIELDS.get(i), column[i + 2]);
                }
                Map<String, String> brainstem = new LinkedHashMap<>(rsyslog);
                if (column.length > 8 && !column[8].isEmpty()) {
                    for (String difference : column[8].split(" (?=[a-z]+=)")) {
                        int eq = difference.indexOf('=');
                        brainstem.put(difference.substring(0, eq), difference.substring(eq + 1));
                    }
                }
                cases.add(new Case(column[0], column[1], rsyslog, brainstem));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsTheLineAsRsyslogDoesOrAsTheTableSaysOtherwise(Case c) {
        ParseOutcome outcome = new Canonicalizer().canonicalize(RealWorldSyslogLinesTest.syslog(c.raw()), RECEIVED);

        ParseOutcome.Parsed parsed = assertInstanceOf(ParseOutcome.Parsed.class, outcome, outcome::toString);
        Map<String, String> read = fields(parsed.event());
        c.brainstem().forEach((field, expected) -> {
            if (!expected.equals(NOT_SHOWN)) {
                assertEquals(normalized(field, expected), read.get(field), field);
            }
        });
    }

    @Test
    void agreesWithRsyslogOnAtLeastTheRecordedShareOfFields() {
        int compared = 0;
        int agreeing = 0;
        List<String> differing = new ArrayList<>();
        for (Case c : cases()) {
            if (!c.fromRsyslog()) {
                continue;
            }
            ParseOutcome outcome = new Canonicalizer().canonicalize(RealWorldSyslogLinesTest.syslog(c.raw()),
                    RECEIVED);
            Map<String, String> read = outcome instanceof ParseOutcome.Parsed parsed ? fields(parsed.event()) : Map.of();
            for (Map.Entry<String, String> expected : c.rsyslog().entrySet()) {
                if (expected.getValue().equals(NOT_SHOWN)) {
                    continue;
                }
                compared++;
                if (normalized(expected.getKey(), expected.getValue()).equals(read.get(expected.getKey()))) {
                    agreeing++;
                } else {
                    differing.add(c.name() + " " + expected.getKey());
                }
            }
        }
        System.out.printf("rsyslog parser cases: %d of %d fields agree (%.1f %%); differing: %s%n", agreeing,
                compared, 100.0 * agreeing / compared, differing);
        assertEquals(COMPARED, compared, "fields compared");
        assertTrue(agreeing >= AGREEING, agreeing + " of " + compared + " agree, " + AGREEING + " did: " + differing);
    }

    private static Map<String, String> fields(ParsedEvent event) {
        Map<String, String> read = new LinkedHashMap<>();
        read.put("host", event.host() == null ? NONE : event.host());
        read.put("service", event.service() == null ? NONE : event.service());
        read.put("timestamp", "received_at".equals(event.fieldSources().get("timestamp")) ? RECEPTION
                : event.timestamp().toString());
        read.put("severity", event.severity().wireName());
        read.put("facility", event.facility() == null ? NONE : event.facility());
        read.put("message", event.message().strip());
        return read;
    }

    private static String normalized(String field, String value) {
        return switch (field) {
            case "timestamp" -> value.equals(RECEPTION) ? value : Instant.parse(value).toString();
            case "message" -> value.strip();
            // brainstem stores a host in its one spelling (HostName): rsyslog keeps the case it was sent in
            case "host" -> value.equals(NONE) ? value : HostName.normalize(value);
            default -> value;
        };
    }
}
