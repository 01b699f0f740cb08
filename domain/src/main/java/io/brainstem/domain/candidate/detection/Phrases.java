package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.shared.Text;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Small pieces of English for explanations: counts, durations, dates (UTC), host lists, quoted templates. */
final class Phrases {

    static final int MAX_QUOTED_CHARS = 120;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

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

    /** "Mar 15". */
    static String day(Instant at) {
        return DAY.format(at);
    }

    /** "Mar 15 03:12 UTC". */
    static String minute(Instant at) {
        return MINUTE.format(at);
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
        List<String> names = new ArrayList<>(known);
        long all = Math.max(total, names.size());
        if (names.isEmpty()) {
            return all == 0 ? "an unnamed host" : count(all, "host");
        }
        if (all <= 3 && names.size() == all) {
            if (names.size() == 1) {
                return names.getFirst();
            }
            return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
        }
        List<String> shown = names.subList(0, Math.min(3, names.size()));
        return String.join(", ", shown) + " and " + count(all - shown.size(), "more host");
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
