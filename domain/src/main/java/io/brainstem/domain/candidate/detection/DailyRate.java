package io.brainstem.domain.candidate.detection;

import java.time.Instant;
import java.util.Arrays;

/**
 * One signature's events per UTC day over the last {@value #DAYS} days, for the slow rise a per-minute burst
 * misses ("postfix deferrals rising over days"). The <em>rise</em> compares the last two days (yesterday and today so
 * far) with the median day of the days before them, counted from the signature's first whole day:
 * {@code (yesterday + today) / (2 x max(1, median))}. It is read only with at least {@value #MIN_BASELINE_DAYS} such
 * days before and at least {@value #MIN_RECENT} events in the last two days; else it is 1 (no rise). A weekend or a
 * quiet day does not move a median, a steady signature's rise stays near 1. Events older than the newest day seen are
 * counted into their day when it is still held. Fixed size; the median is recomputed once per new day.
 */
final class DailyRate {

    static final int DAYS = 9;
    static final int MIN_BASELINE_DAYS = 3;
    static final int MIN_RECENT = 24;
    private static final long DAY = 86_400;

    private final long[] counts = new long[DAYS];
    private long newestDay = Long.MIN_VALUE;
    private long firstDay = Long.MIN_VALUE;
    private double median = -1;

    void observe(Instant at) {
        long day = Math.floorDiv(at.getEpochSecond(), DAY);
        if (newestDay == Long.MIN_VALUE) {
            newestDay = day;
            firstDay = day;
        } else if (day > newestDay) {
            long shift = Math.min(DAYS, day - newestDay);
            for (long d = newestDay + 1; d <= newestDay + shift; d++) {
                counts[(int) Math.floorMod(d, DAYS)] = 0;
            }
            newestDay = day;
            median = -1;
        } else if (newestDay - day >= DAYS) {
            return;
        }
        if (day < firstDay) {
            firstDay = day;
            median = -1;
        }
        counts[(int) Math.floorMod(day, DAYS)]++;
        if (day < newestDay - 1) {
            median = -1;
        }
    }

    /** The rise of the last two days over the median day before them, or 1 when there is too little to say. */
    double rise() {
        if (newestDay == Long.MIN_VALUE) {
            return 1;
        }
        long recent = counts[(int) Math.floorMod(newestDay, DAYS)] + counts[(int) Math.floorMod(newestDay - 1, DAYS)];
        if (recent < MIN_RECENT) {
            return 1;
        }
        double m = median();
        return m < 0 ? 1 : recent / (2 * Math.max(1, m));
    }

    /** Events in the last two days (yesterday and today so far). */
    long recent() {
        return newestDay == Long.MIN_VALUE ? 0
                : counts[(int) Math.floorMod(newestDay, DAYS)] + counts[(int) Math.floorMod(newestDay - 1, DAYS)];
    }

    /** The median day before the last two, from the first whole day; negative with fewer than the minimum such days. */
    double median() {
        if (median != -1) {
            return median;
        }
        long from = Math.max(firstDay + 1, newestDay - DAYS + 1);
        long to = newestDay - 2;
        int n = (int) Math.max(0, to - from + 1);
        if (n < MIN_BASELINE_DAYS) {
            median = -2;
            return median;
        }
        long[] days = new long[n];
        for (int i = 0; i < n; i++) {
            days[i] = counts[(int) Math.floorMod(from + i, DAYS)];
        }
        Arrays.sort(days);
        median = n % 2 == 1 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2.0;
        return median;
    }
}
