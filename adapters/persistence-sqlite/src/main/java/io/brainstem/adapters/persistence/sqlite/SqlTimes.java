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

    /**
     * Formatted seconds, by the low bits of the second: events arrive in bursts within the same second, and
     * one row formats both the event's own time and the time it was received, which differ. Entries are
     * immutable, so a racy read sees a whole entry or a stale one, never a torn one.
     */
    private record Second(long epochSecond, String prefix) {
    }

    private static final int SLOTS = 64;
    private static final Second[] SECONDS = new Second[SLOTS];

    /** The last instant formatted and its text: a batch formats its receive and creation times per row. */
    private record Last(Instant instant, String text) {
    }

    private static volatile Last last = new Last(Instant.MIN, "");

    static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        Last memo = last;
        if (memo.instant().equals(instant)) {
            return memo.text();
        }
        String text = formatNew(instant);
        last = new Last(instant, text);
        return text;
    }

    private static String formatNew(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        int slot = (int) (epochSecond & (SLOTS - 1));
        Second second = SECONDS[slot];
        if (second == null || second.epochSecond() != epochSecond) {
            String full = FORMAT.format(Instant.ofEpochSecond(epochSecond));
            second = new Second(epochSecond, full.substring(0, full.length() - 7)); // up to the '.'
            SECONDS[slot] = second;
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
