package io.brainstem.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalizerTest {

    private static final Instant RECEIVED = Instant.parse("2024-11-24T10:00:30Z");
    private static final String CHARON = "<30>Mar 22 03:00:00 fw-01 charon[812]: 09[IKE] retransmit 3 of request";

    private final Canonicalizer canonicalizer = new Canonicalizer();

    private static EnvelopeContent.Builder envelope(String sourceType, String message) {
        return EnvelopeContent.builder(TenantId.DEFAULT).sourceType(sourceType).messageRaw(message);
    }

    private ParsedEvent parsed(EnvelopeContent content) {
        ParseOutcome outcome = canonicalizer.canonicalize(content, RECEIVED);
        return assertInstanceOf(ParseOutcome.Parsed.class, outcome, outcome::toString).event();
    }

    private ParseOutcome.Failed failed(EnvelopeContent content) {
        ParseOutcome outcome = canonicalizer.canonicalize(content, RECEIVED);
        return assertInstanceOf(ParseOutcome.Failed.class, outcome, outcome::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"netflow", "snmp-trap", ""})
    void unknownSourceTypeIsUnsupportedWithAReadableReason(String sourceType) {
        ParseOutcome outcome = canonicalizer.canonicalize(envelope(sourceType, "x").build(), RECEIVED);

        ParseOutcome.Unsupported unsupported = assertInstanceOf(ParseOutcome.Unsupported.class, outcome);
        assertTrue(unsupported.reason().contains("file, logicmonitor, syslog"), unsupported.reason());
        assertEquals("canonicalizer", unsupported.parser().name());
    }

    @Test
    void missingSourceTypeIsUnsupported() {
        ParseOutcome outcome = canonicalizer.canonicalize(envelope(null, "x").build(), RECEIVED);

        assertTrue(assertInstanceOf(ParseOutcome.Unsupported.class, outcome).reason()
                .startsWith("source_type is missing"));
    }

    @Test
    void sourceTypeIsMatchedIgnoringCase() {
        assertEquals("fw-01", parsed(envelope(" Syslog ", CHARON).build()).host());
    }

    @Test
    void parsedFieldsAreSourcedParsed() {
        ParsedEvent event = parsed(envelope("syslog", CHARON).build());

        assertEquals(Map.of("timestamp", "parsed", "host", "parsed", "service", "parsed", "severity", "parsed",
                "facility", "parsed"), event.fieldSources());
    }

    @Test
    void explicitClientFieldsWinOverParsedOnes() {
        ParsedEvent event = parsed(envelope("syslog", CHARON).host("vpn-gw-a").service("strongswan")
                .severity("error").facility("local3").timestamp("2024-03-22T04:00:00+01:00").build());

        assertEquals("vpn-gw-a", event.host());
        assertEquals("strongswan", event.service());
        assertEquals(Severity.ERR, event.severity());
        assertEquals("local3", event.facility());
        assertEquals(Instant.parse("2024-03-22T03:00:00Z"), event.timestamp());
        assertEquals(Map.of("timestamp", "client", "host", "client", "service", "client", "severity", "client",
                "facility", "client"), event.fieldSources());
    }

    @Test
    void blankClientFieldsCountAsNotSent() {
        ParsedEvent event = parsed(envelope("syslog", CHARON).host("  ").service("").timestamp(" ").build());

        assertEquals("fw-01", event.host());
        assertEquals("charon", event.service());
        assertEquals("parsed", event.fieldSources().get("timestamp"));
    }

    @Test
    void unknownClientSeverityFallsBackToTheParsedOneAndIsRecorded() {
        ParsedEvent event = parsed(envelope("syslog", CHARON).severity("loud").build());

        assertEquals(Severity.INFO, event.severity());
        assertEquals("parsed", event.fieldSources().get("severity"));
        assertEquals("loud", event.fieldSources().get("severity_client_unrecognized"));
    }

    @Test
    void unknownClientFacilityFallsBackAndIsRecorded() {
        ParsedEvent event = parsed(envelope("syslog", CHARON).facility("galaxy").build());

        assertEquals("daemon", event.facility());
        assertEquals("galaxy", event.fieldSources().get("facility_client_unrecognized"));
    }

    @Test
    void clientSeverityAliasesAreNormalized() {
        assertEquals(Severity.WARNING, parsed(envelope("file", "x").severity("WARN").build()).severity());
        assertEquals(Severity.CRIT, parsed(envelope("file", "x").severity("critical").build()).severity());
        assertEquals(Severity.INFO, parsed(envelope("file", "x").severity("informational").build()).severity());
        assertEquals(Severity.ERR, parsed(envelope("file", "x").severity("3").build()).severity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-01T00:00:00Z", "22/03/2024 03:00", "12345678901234567"})
    void unparseableClientTimestampFails(String timestamp) {
        ParseOutcome.Failed failed = failed(envelope("syslog", CHARON).timestamp(timestamp).build());

        assertTrue(failed.reason().startsWith("timestamp '"), failed.reason());
    }

    @Test
    void clientTimestampMayBeEpochSecondsOrMillis() {
        assertEquals(Instant.ofEpochSecond(1_700_000_000),
                parsed(envelope("file", "x").timestamp("1700000000").build()).timestamp());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_123L),
                parsed(envelope("file", "x").timestamp("1700000000123").build()).timestamp());
    }

    @Test
    void clientStructuredFieldsAreKeptAndWinOnAClash() {
        ParsedEvent event = parsed(envelope("syslog", CHARON)
                .structuredFields(Map.of("site", "ams-1", "syslog.procid", "override")).build());

        assertEquals("ams-1", event.structuredFields().get("site"));
        assertEquals("override", event.structuredFields().get("syslog.procid"));
    }

    @Test
    void aFewReplacementCharactersAreToleratedAndCounted() {
        ParsedEvent event = parsed(envelope("syslog", "<13>Nov 24 10:00:00 nas-1 smbd: Benutzer m\uFFFDller "
                + "angemeldet").build());

        assertEquals("Benutzer m\uFFFDller angemeldet", event.message());
        assertEquals(1, event.structuredFields().get("parse.replacement_chars"));
    }

    @Test
    void trailingNulAndLineTerminatorsAreDropped() {
        assertEquals("link up", parsed(envelope("syslog", "<13>Nov 24 10:00:00 sw-1 ifmgr: link up\r\n\u0000")
                .build()).message());
    }

    @Test
    void aHugeMessageIsKeptWhole() {
        String payload = "x".repeat(64 * 1024);
        ParsedEvent event = parsed(envelope("syslog", "<13>Nov 24 10:00:00 app-1 batch: " + payload).build());

        assertEquals(payload, event.message());
    }

    @Test
    void missingContentOrReceptionTimeFailsInsteadOfThrowing() {
        assertInstanceOf(ParseOutcome.Failed.class, canonicalizer.canonicalize(null, RECEIVED));
        assertInstanceOf(ParseOutcome.Failed.class, canonicalizer.canonicalize(envelope("file", "x").build(), null));
    }

    // ---- file ----

    @Test
    void aPlainFileLineIsTheMessageAsIsWithHostAndServiceFromTheEnvelope() {
        ParsedEvent event = parsed(envelope("file", "\tat com.example.Foo.bar(Foo.java:42)\n").host("app-1")
                .service("billing").build());

        assertEquals("\tat com.example.Foo.bar(Foo.java:42)", event.message());
        assertEquals("app-1", event.host());
        assertEquals("billing", event.service());
        assertEquals(Severity.NOTICE, event.severity());
        assertNull(event.facility());
        assertEquals(RECEIVED, event.timestamp());
        assertEquals(Map.of("timestamp", "received_at", "host", "client", "service", "client", "severity",
                "default", "facility", "none"), event.fieldSources());
    }

    @Test
    void aFileLineThatIsASyslogLineIsParsedAsOne() {
        ParseOutcome outcome = canonicalizer.canonicalize(envelope("file",
                "Mar 22 03:00:00 fw-01 charon: VPN tunnel recovered").sourcePath("/var/log/syslog").build(), RECEIVED);

        ParseOutcome.Parsed parsed = assertInstanceOf(ParseOutcome.Parsed.class, outcome);
        assertEquals("rfc3164", parsed.parser().name());
        assertEquals("fw-01", parsed.event().host());
        assertEquals("charon", parsed.event().service());
        assertEquals("VPN tunnel recovered", parsed.event().message());
        assertEquals(Instant.parse("2024-03-22T03:00:00Z"), parsed.event().timestamp());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-11-24T10:00:00Z INFO Starting server on port 8080",
            "2024-11-24T10:00:00Z ERROR main: connection refused", "<html><body>", "<999> not a PRI",
            "Nov 24 10:00:00 the backup finished", "[2024-11-24 10:00:00] production.ERROR: boom"})
    void aFileLineThatOnlyLooksLikeSyslogStaysAsIs(String line) {
        ParseOutcome outcome = canonicalizer.canonicalize(envelope("file", line).build(), RECEIVED);

        ParseOutcome.Parsed parsed = assertInstanceOf(ParseOutcome.Parsed.class, outcome);
        assertEquals("file-line", parsed.parser().name());
        assertEquals(line, parsed.event().message());
        assertNull(parsed.event().host());
    }

    @Test
    void anEmptyFileLineFails() {
        ParseOutcome.Failed failed = failed(envelope("file", "\n").build());

        assertEquals("file-line", failed.parser().name());
        assertEquals("message_raw is empty", failed.reason());
    }

    // ---- never throws ----

    @Test
    void randomInputYieldsParsedOrFailedNeverAnException() {
        Random random = new Random(20241124);
        String alphabet = "<>[]:-= \"\\0123456789TZ+.%*abcMarNovDec\t\uFEFF\uFFFD\u0000\u0001é漢";
        String[] seeds = {CHARON, "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                + "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\"] msg",
                "<164>Nov 24 2024 10:00:00 asa-fw01 : %ASA-4-106023: Deny", "<189>123: *Nov 24 10:00:00.123: x"};
        for (int i = 0; i < 20_000; i++) {
            String input = switch (i % 3) {
                case 0 -> randomString(random, alphabet, random.nextInt(60));
                case 1 -> truncate(random, seeds[random.nextInt(seeds.length)]);
                default -> mutate(random, seeds[random.nextInt(seeds.length)], alphabet);
            };
            for (String sourceType : new String[] {"syslog", "file", "logicmonitor"}) {
                ParseOutcome outcome = canonicalizer.canonicalize(envelope(sourceType, input).build(), RECEIVED);
                assertFalse(outcome instanceof ParseOutcome.Unsupported, input);
                if (outcome instanceof ParseOutcome.Failed failed) {
                    assertFalse(failed.reason().startsWith("parser defect"), () -> input + " -> " + failed);
                }
            }
        }
    }

    @Test
    void hugeGarbageAndTruncatedHeadersNeverThrow() {
        String[] inputs = {"<" + "9".repeat(65_536), "<13>" + "[".repeat(65_536), "<13>1 " + "-".repeat(65_536),
                "<13>1 - - - - - [" + "a".repeat(65_536), "<13>1 - - - - - [a b=\"" + "\\".repeat(65_535),
                "Nov 24 10:00:00 " + "h".repeat(65_536), "%".repeat(65_536) + ":", "<13>Feb 29 10:00:00 x y: z"};
        for (String input : inputs) {
            ParseOutcome outcome = canonicalizer.canonicalize(envelope("syslog", input).build(), RECEIVED);
            assertTrue(outcome instanceof ParseOutcome.Parsed || outcome instanceof ParseOutcome.Failed failed
                    && !failed.reason().startsWith("parser defect"), outcome::toString);
        }
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static String truncate(Random random, String seed) {
        return seed.substring(0, random.nextInt(seed.length() + 1));
    }

    private static String mutate(Random random, String seed, String alphabet) {
        StringBuilder s = new StringBuilder(seed);
        for (int i = 0, n = 1 + random.nextInt(4); i < n && !s.isEmpty(); i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> s.deleteCharAt(at);
                default -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return s.toString();
    }
}
