package io.brainstem.domain.event.parsing;

import java.time.Instant;
import java.util.Optional;

/**
 * A point in time as clients send it: an RFC 3339 date-time ({@code 2024-03-22T03:00:00Z},
 * {@code 2024-03-22T04:00:00.5+01:00}; without an offset it is read as UTC) or Unix epoch seconds (up to 10
 * digits) or milliseconds (11 to 13 digits), as text or as a JSON number.
 */
public final class InstantText {

    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private InstantText() {
    }

    public static Optional<Instant> parse(Object value) {
        if (value instanceof Number number) {
            return epoch(number.longValue());
        }
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > 64) {
            return Optional.empty();
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return s.length() <= 13 ? epoch(Long.parseLong(s)) : Optional.empty();
        }
        LineCursor c = new LineCursor(s, 0);
        try {
            Instant instant = SyslogTimestamps.rfc3339(c);
            return instant != null && c.atEnd() ? Optional.of(instant) : Optional.empty();
        } catch (MalformedInput e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> epoch(long value) {
        if (value < 0) {
            return Optional.empty();
        }
        return Optional.of(value >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value));
    }
}
