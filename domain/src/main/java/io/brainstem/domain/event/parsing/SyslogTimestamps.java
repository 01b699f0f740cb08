package io.brainstem.domain.event.parsing;

import static io.brainstem.domain.event.parsing.LineCursor.isDigit;
import static io.brainstem.domain.event.parsing.LineCursor.isSpace;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The two timestamp shapes syslog devices send, read by hand in one pass (no regex, no formatter):
 * <ul>
 *   <li>RFC 3339 ({@code 2003-10-11T22:14:15.003Z}, {@code 2024-03-22T03:00:00.123456+01:00}); up to nine
 *       fraction digits (more are ignored), {@code t}/{@code z} in lower case, a space instead of {@code T},
 *       an offset without colon and a missing offset (read as UTC) are accepted.</li>
 *   <li>BSD / RFC 3164 ({@code Mmm dd hh:mm:ss}, day space-padded or not, month in any case), optionally
 *       with a year after the day ({@code Nov 24 2023 10:00:00}, Cisco ASA) or before the month
 *       ({@code 2023 Nov 24 10:00:00}, Brocade; 1970..2100), a fraction ({@code .456}), a leading {@code *} or
 *       {@code .} (Cisco IOS clock not synchronised) and a trailing {@code UTC}/{@code GMT}. The time is
 *       read as UTC; without a year, {@link #inferYear} picks one from the time the line was received.
 *       These are the forms rsyslog's {@code ParseTIMESTAMP3164} reads with pmrfc3164's defaults; a year
 *       after the time ({@code Nov 24 10:00:00 2023}) is not one (rsyslog reads it only with
 *       {@code detect.YearAfterTimestamp}, off by default: {@code 2023} is the hostname then).</li>
 * </ul>
 * Each reader answers {@code null} and leaves the cursor where it was when the text does not have the
 * shape at all, and throws {@link MalformedInput} when it has the shape but names an impossible date or
 * time ({@code 2024-13-01}, {@code Feb 30}, {@code 25:00:00}).
 */
final class SyslogTimestamps {

    /** How far in the future of its reception a year-less timestamp may lie (device clocks in local time). */
    static final long FUTURE_TOLERANCE_SECONDS = 86_400;

    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
    private static final int SECONDS_PER_DAY = 86_400;

    private SyslogTimestamps() {
    }

    static boolean startsRfc3339(LineCursor c) {
        return isDigit(c.peek()) && isDigit(c.peek(1)) && isDigit(c.peek(2)) && isDigit(c.peek(3))
                && c.peek(4) == '-';
    }

    static Instant rfc3339(LineCursor c) {
        int start = c.pos();
        int year = c.number(4, 4);
        if (year < 0 || !c.consume('-')) {
            return restore(c, start);
        }
        int month = c.number(2, 2);
        if (month < 0 || !c.consume('-')) {
            return restore(c, start);
        }
        int day = c.number(2, 2);
        char separator = c.peek();
        if (day < 0) {
            return restore(c, start);
        } else if (separator == 'T' || separator == 't') {
            c.advance(1);
        } else if (separator == ' ' && isDigit(c.peek(1)) && isDigit(c.peek(2)) && c.peek(3) == ':') {
            c.advance(1);
        } else {
            return restore(c, start);
        }
        int clock = clock(c, 2);
        if (clock < 0) {
            return restore(c, start);
        }
        int nanos = fraction(c);
        int offsetSeconds = 0;
        char zone = c.peek();
        if (zone == 'Z' || zone == 'z') {
            c.advance(1);
        } else if ((zone == '+' || zone == '-') && isDigit(c.peek(1))) {
            c.advance(1);
            int offsetHours = c.number(2, 2);
            c.consume(':');
            int offsetMinutes = c.number(2, 2);
            if (offsetHours < 0 || offsetMinutes < 0) {
                return restore(c, start);
            }
            if (offsetHours > 23 || offsetMinutes > 59) {
                throw invalid(c, start);
            }
            offsetSeconds = (zone == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        }
        if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
            throw invalid(c, start);
        }
        long secondOfDay = secondOfDay(c, start, clock);
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * SECONDS_PER_DAY + secondOfDay
                - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    static Instant bsd(LineCursor c, Instant receivedAt) {
        int start = c.pos();
        int year = -1;
        if (isDigit(c.peek()) && isSpace(c.peek(4))) {
            year = c.number(4, 4);
            if (year < 1970 || year > 2100) {
                return restore(c, start);
            }
            c.advance(1);
        }
        if (c.peek() == '*' || c.peek() == '.') {
            c.advance(1);
        }
        int month = monthAt(c);
        if (month == 0) {
            return restore(c, start);
        }
        c.advance(3);
        int day = c.skipSpaces() > 0 ? c.number(1, 2) : -1;
        if (day < 0 || c.skipSpaces() == 0) {
            return restore(c, start);
        }
        if (year < 0 && isDigit(c.peek()) && isDigit(c.peek(1)) && isDigit(c.peek(2)) && isDigit(c.peek(3))
                && isSpace(c.peek(4))) {
            year = c.number(4, 4);
            c.skipSpaces();
        }
        int clock = clock(c, 1);
        if (clock < 0) {
            return restore(c, start);
        }
        int nanos = fraction(c);
        skipUtcZone(c);
        if (day < 1 || day > (year < 0 ? monthLength(2000, month) : monthLength(year, month))) {
            throw invalid(c, start);
        }
        long secondOfDay = secondOfDay(c, start, clock);
        if (year >= 0) {
            return Instant.ofEpochSecond(
                    LocalDate.of(year, month, day).toEpochDay() * SECONDS_PER_DAY + secondOfDay, nanos);
        }
        Instant inferred = inferYear(month, day, secondOfDay, nanos, receivedAt);
        if (inferred == null) {
            throw invalid(c, start);
        }
        return inferred;
    }

    /**
     * The year for a year-less {@code month/day time}: of the candidate years around the year of
     * {@code receivedAt}, the one that puts the timestamp nearest to {@code receivedAt} without lying more
     * than {@link #FUTURE_TOLERANCE_SECONDS} in its future. So {@code Dec 31 23:59:59} received on Jan 1
     * is last year's, {@code Jan 1 00:00:05} received at {@code Dec 31 23:59:59} next year's, and
     * {@code Feb 29} the latest leap year that fits. Null when no year within nine fits.
     */
    static Instant inferYear(int month, int day, long secondOfDay, int nanos, Instant receivedAt) {
        long received = receivedAt.getEpochSecond();
        int receivedYear = LocalDate.ofEpochDay(Math.floorDiv(received, SECONDS_PER_DAY)).getYear();
        long best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int year = receivedYear + 1; year >= receivedYear - 8; year--) {
            if (day > monthLength(year, month)) {
                continue;
            }
            long seconds = LocalDate.of(year, month, day).toEpochDay() * SECONDS_PER_DAY + secondOfDay;
            long ahead = seconds - received;
            if (ahead > FUTURE_TOLERANCE_SECONDS) {
                continue;
            }
            long distance = Math.abs(ahead);
            if (distance >= bestDistance) {
                break;
            }
            best = seconds;
            bestDistance = distance;
        }
        return bestDistance == Long.MAX_VALUE ? null : Instant.ofEpochSecond(best, nanos);
    }

    /** {@code h[h]:mm:ss} as the number hhmmss (unchecked), or -1 (cursor then somewhere inside). */
    private static int clock(LineCursor c, int minHourDigits) {
        int hour = c.number(minHourDigits, 2);
        int minute = hour >= 0 && c.consume(':') ? c.number(2, 2) : -1;
        int second = minute >= 0 && c.consume(':') ? c.number(2, 2) : -1;
        return second < 0 ? -1 : hour * 10_000 + minute * 100 + second;
    }

    private static long secondOfDay(LineCursor c, int start, int clock) {
        int hour = clock / 10_000;
        int minute = clock / 100 % 100;
        int second = clock % 100;
        if (hour > 23 || minute > 59 || second > 60) {
            throw invalid(c, start);
        }
        // a leap second (:60) is folded onto :59, as java.time does
        return hour * 3600L + minute * 60L + Math.min(second, 59);
    }

    private static int fraction(LineCursor c) {
        if ((c.peek() != '.' && c.peek() != ',') || !isDigit(c.peek(1))) {
            return 0;
        }
        c.advance(1);
        int nanos = 0;
        int digits = 0;
        while (isDigit(c.peek())) {
            if (digits < 9) {
                nanos = nanos * 10 + (c.peek() - '0');
                digits++;
            }
            c.advance(1);
        }
        for (int i = digits; i < 9; i++) {
            nanos *= 10;
        }
        return nanos;
    }

    private static void skipUtcZone(LineCursor c) {
        if (c.peek() != ' ') {
            return;
        }
        String text = c.text();
        int at = c.pos() + 1;
        if ((text.startsWith("UTC", at) || text.startsWith("GMT", at))
                && (c.charAt(at + 3) == ':' || isSpace(c.charAt(at + 3)) || at + 3 == c.end())) {
            c.advance(4);
        }
    }

    /** 1..12 when the cursor is at a three-letter English month name followed by a space, else 0. */
    private static int monthAt(LineCursor c) {
        if (!isSpace(c.peek(3))) {
            return 0;
        }
        char a = Character.toLowerCase(c.peek());
        char b = Character.toLowerCase(c.peek(1));
        char d = Character.toLowerCase(c.peek(2));
        for (int i = 0; i < MONTHS.length(); i += 3) {
            if (MONTHS.charAt(i) == a && MONTHS.charAt(i + 1) == b && MONTHS.charAt(i + 2) == d) {
                return i / 3 + 1;
            }
        }
        return 0;
    }

    static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static Instant restore(LineCursor c, int start) {
        c.reset(start);
        return null;
    }

    private static MalformedInput invalid(LineCursor c, int start) {
        int end = Math.min(Math.max(c.pos(), start), start + 60);
        c.reset(start);
        return new MalformedInput("timestamp '" + c.text().substring(start, end)
                + "' is not a valid date and time");
    }
}
