package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.shared.Text;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;

/** Small pieces of English for explanations: counts, durations, dates (UTC), host lists, quoted templates. */
final class Phrases {

    static final int MAX_QUOTED_CHARS = 120;
    /** English short month names, as {@code DateTimeFormatter} pattern {@code MMM} gives them. */
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private Phrases() {
    }

    /** "once", "twice", "3 times". */
    static String times(long n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    /** "1 host", "4 hosts". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** "Mar 15" (the pattern {@code MMM d}, English, UTC). */
    static String day(Instant at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        return MONTHS[t.getMonthValue() - 1] + " " + t.getDayOfMonth();
    }

    /** "Mar 15 03:12 UTC" (the pattern {@code MMM d HH:mm 'UTC'}, English, UTC). */
    static String minute(Instant at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder s = new StringBuilder(16).append(MONTHS[t.getMonthValue() - 1]).append(' ')
                .append(t.getDayOfMonth()).append(' ');
        twoDigits(s, t.getHour()).append(':');
        return twoDigits(s, t.getMinute()).append(" UTC").toString();
    }

    private static StringBuilder twoDigits(StringBuilder s, int value) {
        return s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** "40 s", "3 min 5 s", "2 h 10 min", "3 d 4 h". */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return join(s / 60, "min", s % 60, "s");
        }
        if (s < 86_400) {
            return join(s / 3600, "h", (s % 3600) / 60, "min");
        }
        return join(s / 86_400, "d", (s % 86_400) / 3600, "h");
    }

    private static String join(long major, String majorUnit, long minor, String minorUnit) {
        return minor == 0 ? major + " " + majorUnit : major + " " + majorUnit + " " + minor + " " + minorUnit;
    }

    /** "fw-01", "fw-01 and fw-02", "fw-01, fw-02 and fw-03", "fw-01, fw-02, fw-03 and 4 more hosts". */
    static String hosts(Collection<String> known, long total) {
        int size = known.size();
        long all = Math.max(total, size);
        if (size == 0) {
            return all == 0 ? "an unnamed host" : count(all, "host");
        }
        Iterator<String> names = known.iterator();
        if (all <= 3 && size == all) {
            if (size == 1) {
                return names.next();
            }
            StringBuilder s = new StringBuilder(names.next());
            for (int i = 1; i < size - 1; i++) {
                s.append(", ").append(names.next());
            }
            return s.append(" and ").append(names.next()).toString();
        }
        int shown = Math.min(3, size);
        StringBuilder s = new StringBuilder(names.next());
        for (int i = 1; i < shown; i++) {
            s.append(", ").append(names.next());
        }
        return s.append(" and ").append(count(all - shown, "more host")).toString();
    }

    /** "on fw-01 (charon)" or "on fw-01" or "on an unnamed host". */
    static String where(String host, String service) {
        String h = host == null ? "an unnamed host" : host;
        return service == null ? "on " + h : "on " + h + " (" + service + ")";
    }

    /** The template in single quotes, cut to {@value #MAX_QUOTED_CHARS} characters. */
    static String quote(String template) {
        String t = template.strip();
        return "'" + (t.length() > MAX_QUOTED_CHARS ? Text.truncate(t, MAX_QUOTED_CHARS - 3) + "..." : t) + "'";
    }

    /** "62%". */
    static String percent(double value) {
        return Math.round(value) + "%";
    }

    /** "4.0", "0.25". */
    static String rate(double perMinute) {
        return perMinute >= 1 ? String.format(Locale.ROOT, "%.1f", perMinute)
                : String.format(Locale.ROOT, "%.2f", perMinute);
    }

    /** A title of at most 160 characters. */
    static String title(String text) {
        String t = text.strip();
        return t.length() > 160 ? Text.truncate(t, 157) + "..." : t;
    }
}
