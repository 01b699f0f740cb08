package io.brainstem.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Properties of the syslog parsers (issue 16): any text at all gives an outcome, never an exception; a line written
 * in RFC 3164 or RFC 5424 from known parts reads back as those parts, and the severity is always PRI mod 8.
 */
class SyslogParserProperties {

    private static final Instant RECEIVED = Instant.parse("2026-12-03T10:00:00Z");
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private final Canonicalizer canonicalizer = new Canonicalizer();

    private ParseOutcome parse(String raw) {
        return canonicalizer.canonicalize(EnvelopeContent.builder(TenantId.DEFAULT).sourceType("syslog")
                .messageRaw(raw).build(), RECEIVED);
    }

    @Property(tries = 2000)
    void anyTextGivesAnOutcomeAndNeverThrows(@ForAll @StringLength(max = 300) String raw) {
        assertNotNull(parse(raw));
    }

    @Property(tries = 1000)
    void anyTextAfterAValidPriorityGivesAnOutcome(@ForAll @IntRange(max = 191) int pri,
            @ForAll @StringLength(max = 200) String rest) {
        ParseOutcome outcome = parse("<" + pri + ">" + rest);
        if (outcome instanceof ParseOutcome.Parsed parsed) {
            assertEquals(Severity.values()[pri % 8], parsed.event().severity(), "severity is PRI mod 8");
        }
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-').ofMinLength(1).ofMaxLength(20)
                .filter(h -> Character.isLetter(h.charAt(0)) && !h.endsWith("-"));
    }

    @Provide
    Arbitrary<String> tags() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> messages() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(120)
                .filter(m -> !m.isBlank() && m.charAt(0) != ' ' && m.charAt(m.length() - 1) != ' ');
    }

    @Provide
    Arbitrary<Instant> times() {
        return Arbitraries.longs().between(0, 300L * 86_400).map(s -> RECEIVED.minusSeconds(s)
                .truncatedTo(ChronoUnit.SECONDS));
    }

    @Property(tries = 1000)
    void anRfc3164LineReadsBackAsItsParts(@ForAll @IntRange(max = 191) int pri, @ForAll("times") Instant at,
            @ForAll("hosts") String host, @ForAll("tags") String tag, @ForAll @IntRange(min = 1, max = 99999) int pid,
            @ForAll("messages") String message) {
        var t = at.atZone(ZoneOffset.UTC);
        String line = String.format("<%d>%s %2d %02d:%02d:%02d %s %s[%d]: %s", pri, MONTHS[t.getMonthValue() - 1],
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), host, tag, pid, message);

        ParsedEvent event = assertInstanceOf(ParseOutcome.Parsed.class, parse(line), line).event();

        assertEquals(host, event.host(), line);
        assertEquals(tag, event.service(), line);
        assertEquals(Severity.values()[pri % 8], event.severity(), line);
        assertEquals(message, event.message().strip(), line);
        assertEquals(at, event.timestamp(), line);
    }

    @Property(tries = 1000)
    void anRfc5424LineReadsBackAsItsParts(@ForAll @IntRange(max = 191) int pri, @ForAll("times") Instant at,
            @ForAll("hosts") String host, @ForAll("tags") String app, @ForAll("tags") String sdValue,
            @ForAll("messages") String message) {
        String line = "<" + pri + ">1 " + at + " " + host + " " + app + " - ID47 [meta seq=\"" + sdValue + "\"] "
                + message;

        ParsedEvent event = assertInstanceOf(ParseOutcome.Parsed.class, parse(line), line).event();

        assertEquals(host, event.host(), line);
        assertEquals(app, event.service(), line);
        assertEquals(Severity.values()[pri % 8], event.severity(), line);
        assertEquals(at, event.timestamp(), line);
        assertEquals(message, event.message().strip(), line);
        assertEquals(sdValue, String.valueOf(event.structuredFields().get("sd.meta.seq")), line);
        assertTrue(!event.message().contains("[meta"), "MSG is what follows the structured data: " + line);
    }
}
