package io.brainstem.adapters.persistence.sqlite;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times as stored: fixed-width UTC text with microseconds, so text order is time order. */
final class SqlTimes {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SqlTimes() {
    }

    static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
