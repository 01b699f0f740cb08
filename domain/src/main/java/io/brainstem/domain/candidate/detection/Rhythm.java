package io.brainstem.domain.candidate.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * When one signature's events come: in episodes (events less than {@value #EPISODE_GAP_MINUTES} minutes apart are one
 * episode), and in which of the last hours. From that, two readings:
 * <ul>
 *   <li><b>periodic</b>: of its last {@value #MAX_EPISODES} episodes, at least {@value #MIN_DAILY} on distinct UTC
 *       days start within {@value #DAILY_TOLERANCE_MINUTES} minutes of one time of day ("every night at about
 *       02:00, 7 nights running"), or at least {@value #MIN_INTERVALS} intervals between episodes are within 15 % of
 *       their median, itself at least 10 minutes ("about every 1 h");</li>
 *   <li><b>steady</b>: it has been seen for at least {@value #STEADY_MIN_HOURS} hours and in at least 80 % of the
 *       hours since (of the last 24), a constant background.</li>
 * </ul>
 * Events older than the newest seen are counted for the hours but not for the episodes. Fixed size per signature.
 */
final class Rhythm {

    static final int EPISODE_GAP_MINUTES = 20;
    static final int MAX_EPISODES = 16;
    static final int MIN_DAILY = 3;
    static final int DAILY_TOLERANCE_MINUTES = 45;
    static final int MIN_INTERVALS = 3;
    static final int STEADY_MIN_HOURS = 6;
    private static final long DAY = 86_400;

    private final long[] episodes = new long[MAX_EPISODES];
    private int episodeCount;
    private int next;
    private long first = Long.MIN_VALUE;
    private long last = Long.MIN_VALUE;
    private long hourBits;
    private long newestHour = Long.MIN_VALUE;
    private long describedAt = Long.MIN_VALUE;
    private String described;

    void observe(Instant at) {
        long s = at.getEpochSecond();
        if (first == Long.MIN_VALUE || s < first) {
            first = s;
        }
        long hour = Math.floorDiv(s, 3600);
        if (newestHour == Long.MIN_VALUE) {
            newestHour = hour;
            hourBits = 1;
        } else if (hour > newestHour) {
            long shift = hour - newestHour;
            hourBits = shift >= 64 ? 1 : (hourBits << shift) | 1;
            newestHour = hour;
        } else if (newestHour - hour < 64) {
            hourBits |= 1L << (newestHour - hour);
        }
        if (last == Long.MIN_VALUE || s - last > EPISODE_GAP_MINUTES * 60L) {
            if (last == Long.MIN_VALUE || s > last) {
                episodes[next] = s;
                next = (next + 1) % MAX_EPISODES;
                episodeCount = Math.min(episodeCount + 1, MAX_EPISODES);
            }
        }
        if (last == Long.MIN_VALUE || s > last) {
            last = s;
        }
    }

    /**
     * Seen for {@value #STEADY_MIN_HOURS} hours or more, and in at least 80 % of the hours since (of the last 24):
     * a constant background.
     */
    boolean steady() {
        if (last == Long.MIN_VALUE) {
            return false;
        }
        long hours = Math.min(24, Math.floorDiv(last, 3600) - Math.floorDiv(first, 3600) + 1);
        if (hours < STEADY_MIN_HOURS) {
            return false;
        }
        long mask = hours == 64 ? -1L : (1L << hours) - 1;
        return Long.bitCount(hourBits & mask) >= Math.ceil(0.8 * hours);
    }

    /** Whether {@link #periodicity()} describes a rhythm. */
    boolean periodic() {
        return periodicity() != null;
    }

    /** "every night at about 02:00 UTC, 7 nights running", "about every 1 h", or null. */
    String periodicity() {
        if (describedAt == last) {
            return described;
        }
        describedAt = last;
        described = daily();
        if (described == null) {
            described = interval();
        }
        return described;
    }

    private long[] ordered() {
        long[] e = new long[episodeCount];
        for (int i = 0; i < episodeCount; i++) {
            e[i] = episodes[(next - episodeCount + i + MAX_EPISODES) % MAX_EPISODES];
        }
        Arrays.sort(e);
        return e;
    }

    private String daily() {
        long[] e = ordered();
        if (e.length < MIN_DAILY) {
            return null;
        }
        double sin = 0;
        double cos = 0;
        for (long s : e) {
            double angle = 2 * Math.PI * Math.floorMod(s, DAY) / DAY;
            sin += Math.sin(angle);
            cos += Math.cos(angle);
        }
        double mean = Math.atan2(sin, cos);
        long meanSecond = Math.floorMod(Math.round(mean / (2 * Math.PI) * DAY), DAY);
        long lastDay = Long.MIN_VALUE;
        int days = 0;
        int running = 0;
        for (long s : e) {
            long off = Math.abs(Math.floorMod(s, DAY) - meanSecond);
            off = Math.min(off, DAY - off);
            if (off > DAILY_TOLERANCE_MINUTES * 60L) {
                return null;
            }
            long day = Math.floorDiv(s, DAY);
            if (day == lastDay) {
                return null;
            }
            running = day == lastDay + 1 ? running + 1 : 1;
            lastDay = day;
            days++;
        }
        if (days < MIN_DAILY) {
            return null;
        }
        long minute = Math.round(meanSecond / 60.0) % (24 * 60);
        long hour = minute / 60;
        boolean night = hour >= 21 || hour < 6;
        String noun = night ? "night" : "day";
        return "every " + noun + " at about " + two(hour) + ":" + two(minute % 60) + " UTC, "
                + (running == days ? running + " " + noun + "s running" : "on " + days + " " + noun + "s");
    }

    private String interval() {
        long[] e = ordered();
        if (e.length < MIN_INTERVALS + 1) {
            return null;
        }
        long[] gaps = new long[e.length - 1];
        for (int i = 1; i < e.length; i++) {
            gaps[i - 1] = e[i] - e[i - 1];
        }
        long[] sorted = gaps.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        if (median < 600) {
            return null;
        }
        for (long g : gaps) {
            if (Math.abs(g - median) > 0.15 * median) {
                return null;
            }
        }
        return "about every " + Phrases.duration(Duration.ofSeconds(median)) + ", " + e.length + " times running";
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }
}
