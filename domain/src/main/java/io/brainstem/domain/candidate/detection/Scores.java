package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.event.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * The score components of {@link io.brainstem.domain.candidate.ScoreBreakdown}, each 0..1 and rounded to four
 * decimals so that a person reading them sees the same numbers the total was made of.
 */
final class Scores {

    /** Twenty occurrences make recurrence 1. */
    static final double RECURRENCE_SATURATION = 20;
    /** Ten hosts make spread 1. */
    static final double SPREAD_SATURATION = 10;
    /** Novelty halves every seven days after a pattern's first sighting. */
    static final Duration NOVELTY_HALF_LIFE = Duration.ofDays(7);
    private static final long NOVELTY_HALF_LIFE_SECONDS = NOVELTY_HALF_LIFE.toSeconds();

    /** What an explanation adds when the pattern is routine chatter (see {@code ScoreBreakdown#routine}). */
    static final String ROUTINE_NOTE = " This looks routine (low severity, no failure, or a steady background), so it"
            + " is kept at watch.";

    private Scores() {
    }

    /** {@code ln(n) / ln(20)}: 1 occurrence is 0, 2 is 0.23, 12 is 0.83, 20 or more is 1. */
    static double recurrence(long occurrences) {
        if (occurrences <= 1) {
            return 0;
        }
        if (occurrences >= RECURRENCE_SATURATION) {
            return 1;
        }
        return unit(Math.log(occurrences) / Math.log(RECURRENCE_SATURATION));
    }

    /** 0 without recoveries, 0.5 for one, 0.1 more for each further one, at most 1 (from six). */
    static double recovery(long recoveries) {
        if (recoveries <= 0) {
            return 0;
        }
        return unit(0.5 + 0.1 * (recoveries - 1));
    }

    /** {@code ln(hosts) / ln(10)}: one host is 0, two 0.30, five 0.70, ten or more 1. */
    static double spread(long hosts) {
        if (hosts <= 1) {
            return 0;
        }
        if (hosts >= SPREAD_SATURATION) {
            return 1;
        }
        return unit(Math.log(hosts) / Math.log(SPREAD_SATURATION));
    }

    /** emerg/alert/crit 1, err 0.8, warning 0.5, notice 0.25, info 0.1, debug 0. */
    static double severity(Severity severity) {
        return switch (severity) {
            case EMERG, ALERT, CRIT -> 1.0;
            case ERR -> 0.8;
            case WARNING -> 0.5;
            case NOTICE -> 0.25;
            case INFO -> 0.1;
            case DEBUG -> 0.0;
        };
    }

    /**
     * {@code ln(ratio) / ln(4 * factor)}: at the burst factor itself 0.5, at four times the factor (16x the
     * baseline with the default factor 4) 1.
     */
    static double burst(double ratio, double factor) {
        if (!(ratio > 1)) {
            return 0;
        }
        return unit(Math.log(ratio) / Math.log(4 * factor));
    }

    /** A share (0..1) rounded as the other components are. */
    static double share(double share) {
        return unit(share);
    }

    /** A weighted percent state change (0..100) as 0..1. */
    static double percent(double percent) {
        return unit(percent / 100.0);
    }

    /** {@code 0.5 ^ (age / 7 days)}, where age runs from the pattern's first sighting to {@code now}. */
    static double novelty(Instant firstSeen, Instant now) {
        return noveltyOfAge(ageSeconds(firstSeen, now));
    }

    /** Whole seconds from {@code firstSeen} to {@code now}, at least 0 (as {@code Duration.toSeconds}). */
    static long ageSeconds(Instant firstSeen, Instant now) {
        long seconds = now.getEpochSecond() - firstSeen.getEpochSecond();
        if (now.getNano() < firstSeen.getNano()) {
            seconds--;
        }
        return Math.max(0, seconds);
    }

    static double noveltyOfAge(long ageSeconds) {
        return unit(Math.pow(0.5, (double) ageSeconds / NOVELTY_HALF_LIFE_SECONDS));
    }

    private static double unit(double value) {
        double clamped = Math.max(0.0, Math.min(1.0, value));
        return Math.round(clamped * 10_000) / 10_000.0;
    }
}
