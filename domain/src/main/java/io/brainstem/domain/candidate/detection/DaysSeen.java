package io.brainstem.domain.candidate.detection;

import java.time.Instant;

/**
 * On which UTC days of the last {@value #WINDOW} something happened, as one bit per day: a pattern that comes back
 * day after day is chronic, whatever the hour. Fixed size; an event older than the window is not counted.
 */
final class DaysSeen {

    static final int WINDOW = 64;
    /** Fewer days than this say nothing about persistence. */
    static final int MIN_DAYS = 3;
    private static final long DAY = 86_400;

    private long bits;
    private long newestDay = Long.MIN_VALUE;
    private long firstDay = Long.MAX_VALUE;

    void observe(Instant at) {
        long day = Math.floorDiv(at.getEpochSecond(), DAY);
        firstDay = Math.min(firstDay, day);
        if (newestDay == Long.MIN_VALUE) {
            newestDay = day;
            bits = 1;
        } else if (day > newestDay) {
            long shift = day - newestDay;
            bits = shift >= WINDOW ? 1 : (bits << shift) | 1;
            newestDay = day;
        } else if (newestDay - day < WINDOW) {
            bits |= 1L << (newestDay - day);
        }
    }

    /** The days from the first to the last one seen, at most {@value #WINDOW}. */
    long span() {
        return newestDay == Long.MIN_VALUE ? 0 : Math.min(WINDOW, newestDay - firstDay + 1);
    }

    /** The days of {@link #span()} on which it happened. */
    long days() {
        return Long.bitCount(bits);
    }

    /**
     * The share of the days spanned on which it happened, when that is at least {@value #MIN_DAYS} days: 4 of 6 days
     * is 0.67; fewer days, 0.
     */
    double persistence() {
        long days = days();
        return days < MIN_DAYS ? 0 : (double) days / span();
    }
}
