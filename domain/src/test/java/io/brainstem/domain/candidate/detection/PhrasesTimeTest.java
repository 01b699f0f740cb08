package io.brainstem.domain.candidate.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Phrases#minute} and {@link Phrases#day} format by hand what these {@code DateTimeFormatter}s give. */
class PhrasesTimeTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Test
    void sameTextAsTheFormatters() {
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextInt(4) == 0 ? random.nextLong(-62_000_000_000L, 250_000_000_000L)
                    : random.nextLong(0, 4_200_000_000L);
            Instant at = Instant.ofEpochSecond(seconds, random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000));
            assertEquals(MINUTE.format(at), Phrases.minute(at), at::toString);
            assertEquals(DAY.format(at), Phrases.day(at), at::toString);
        }
        assertEquals("Mar 15 03:12 UTC", Phrases.minute(Instant.parse("2026-03-15T03:12:59.999Z")));
        assertEquals("Sep 1", Phrases.day(Instant.parse("2026-09-01T00:00:00Z")));
    }
}
