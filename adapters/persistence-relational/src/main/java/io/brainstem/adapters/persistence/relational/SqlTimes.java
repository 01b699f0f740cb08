package io.brainstem.adapters.persistence.relational;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as stored. The times of {@code events} are INTEGER microseconds since the epoch (ADR 14): eight bytes
 * instead of 27, and no formatting per row. The small tables keep fixed-width UTC text with microseconds, so
 * text order is time order. Both keep microseconds and drop the rest.
 */
public final class SqlTimes {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private SqlTimes() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    public static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** Microseconds since 1970-01-01T00:00:00Z, the sub-microsecond part dropped (toward the past). */
    public static Long micros(Instant instant) {
        if (instant == null) {
            return null;
        }
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
    }

    public static Instant fromMicros(Long micros) {
        if (micros == null) {
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
    }
}
