package io.brainstem.adapters.persistence.sqlite;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as stored: fixed-width UTC text with microseconds, so text order is time order. */
final class SqlTimes {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SqlTimes() {
    }

    /** The formatted second of the last call: events arrive in bursts within the same second. */
    private record Second(long epochSecond, String prefix) {
    }

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        Second second = last;
        if (second.epochSecond() != instant.getEpochSecond()) {
            String full = FORMAT.format(Instant.ofEpochSecond(instant.getEpochSecond()));
            second = new Second(instant.getEpochSecond(), full.substring(0, full.length() - 7)); // up to the '.'
            last = second;
        }
        int micros = instant.getNano() / 1000;
        StringBuilder sb = new StringBuilder(27).append(second.prefix());
        for (int scale = 100_000; scale > 0; scale /= 10) {
            sb.append((char) ('0' + micros / scale % 10));
        }
        return sb.append('Z').toString();
    }

    static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
