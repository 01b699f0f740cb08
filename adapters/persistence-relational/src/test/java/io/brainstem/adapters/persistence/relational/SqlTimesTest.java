package io.brainstem.adapters.persistence.relational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-rolled fast path formats exactly as the reference pattern, and parsing gives the time back. */
class SqlTimesTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void formatsLikeTheReferencePatternWithinAndAcrossSeconds() {
        Random random = new Random(7);
        Instant base = Instant.parse("2026-11-25T01:12:13Z");
        for (int i = 0; i < 20_000; i++) {
            // seconds 64 apart share a cache slot; event times and receive times alternate
            Instant t = base.plusSeconds(random.nextInt(5) - 2L * (i % 3) + 64L * random.nextInt(3)
                    - 86_400L * (i % 2)).plusNanos(random.nextInt(1_000_000_000));
            String text = SqlTimes.format(t);
            assertEquals(REFERENCE.format(t.truncatedTo(ChronoUnit.MICROS)), text);
            assertEquals(t.truncatedTo(ChronoUnit.MICROS), SqlTimes.parse(text));
        }
        assertEquals("1969-12-31T23:59:59.999999Z", SqlTimes.format(Instant.ofEpochSecond(-1, 999_999_999)));
        assertEquals("2026-01-01T00:00:00.000000Z", SqlTimes.format(Instant.parse("2026-01-01T00:00:00Z")));
        assertNull(SqlTimes.format(null));
    }
}
