package io.brainstem.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One spelling per host (HostName) and event times that cannot move patterns for good (EventTime). */
class HostAndTimeBoundsTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-03T10:00:00Z");

    private final Canonicalizer canonicalizer = new Canonicalizer();

    private ParsedEvent parsed(EnvelopeContent.Builder content) {
        ParseOutcome outcome = canonicalizer.canonicalize(content.build(), RECEIVED);
        return assertInstanceOf(ParseOutcome.Parsed.class, outcome, outcome::toString).event();
    }

    private static EnvelopeContent.Builder syslog(String message) {
        return EnvelopeContent.builder(TenantId.DEFAULT).sourceType("syslog").messageRaw(message);
    }

    @ParameterizedTest
    @CsvSource({"fw-01,fw-01", "FW-01,fw-01", "ｆｗ－０１,fw-01", "Fw-01.Example.NET.,fw-01.example.net",
        "2001:DB8::1,2001:db8::1", "core.,core", ".,."})
    void aHostHasOneSpelling(String sent, String stored) {
        assertEquals(stored, HostName.normalize(sent));
    }

    @Test
    void aPlainHostIsNotCopied() {
        String host = "sw-core-1.example.net";
        assertSame(host, HostName.normalize(host));
        assertNull(HostName.normalize(null));
    }

    @Test
    void parsedAndClientHostsAreStoredInTheirOneSpelling() {
        assertEquals("fw-01", parsed(syslog("<30>Dec  3 09:59:00 FW-01 charon: tunnel up")).host());
        assertEquals("fw-01", parsed(syslog("tunnel up").host("FW-01")).host());
        assertEquals("fw-01", parsed(syslog("tunnel up").host("ｆｗ-01")).host());
    }

    @ParameterizedTest
    @CsvSource({"0001-01-01T00:00:00Z,behind", "1970-01-01T00:00:00Z,behind", "2025-12-01T00:00:00Z,behind",
        "9999-12-31T23:59:59Z,ahead", "2026-12-04T10:00:01Z,ahead"})
    void aTimeFarFromItsReceiptIsKeptButFlaggedAndCountedAtReceipt(String sent, String flag) {
        ParsedEvent event = parsed(syslog("tunnel up").timestamp(sent));

        assertEquals(Instant.parse(sent), event.timestamp(), "kept as sent");
        assertEquals(flag, event.fieldSources().get(EventTime.OUT_OF_BOUNDS));
        Instant made = RECEIVED.plusMillis(3);
        assertEquals(made, event.observedAt(made), "patterns count it when it was made");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-03T09:59:00Z", "2026-12-04T09:59:59Z", "2025-12-03T10:00:00Z"})
    void aTimeWithinTheBoundsIsTheTimePatternsUse(String sent) {
        ParsedEvent event = parsed(syslog("tunnel up").timestamp(sent));

        assertFalse(event.fieldSources().containsKey(EventTime.OUT_OF_BOUNDS));
        assertEquals(Instant.parse(sent), event.observedAt(RECEIVED));
    }

    @Test
    void aMissingTimeIsTheReceiptAndNeverFlagged() {
        ParsedEvent event = parsed(syslog("tunnel up"));

        assertEquals(RECEIVED, event.timestamp());
        assertFalse(event.fieldSources().containsKey(EventTime.OUT_OF_BOUNDS));
    }
}
