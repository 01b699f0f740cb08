package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.shared.DomainViolation;
import java.time.Duration;

/**
 * The knobs of {@link CandidateDetector}, with defaults documented in {@code docs/candidates.md}.
 *
 * @param selfHealWindow    a recovery counts as self-healing only when it comes at most this long after its failure
 * @param flapLookback      states older than this (before the newest event's timestamp) no longer count for flapping
 * @param flapStartPercent  a subject starts flapping when its weighted percent state change rises above this
 * @param flapStopPercent   a flapping subject stops flapping when it falls below this (hysteresis; below start)
 * @param burstFactor       a minute is a burst when its count is at least this many times the baseline
 * @param burstMinCount     ... and at least this many events
 * @param burstWarmup       ... and the signature has been watched at least this long (so a new signature's first
 *                          events are never a burst)
 * @param burstSmoothing    the EWMA smoothing factor of the per-minute baseline, 0..1 (higher forgets faster)
 * @param maxTrackedKeys    the most keys each internal table holds (signatures, subjects, open failures, patterns);
 *                          the least recently used is evicted beyond it
 */
public record DetectionSettings(Duration selfHealWindow, Duration flapLookback, double flapStartPercent,
        double flapStopPercent, double burstFactor, int burstMinCount, Duration burstWarmup, double burstSmoothing,
        int maxTrackedKeys) {

    public static final Duration DEFAULT_SELF_HEAL_WINDOW = Duration.ofMinutes(30);
    public static final Duration DEFAULT_FLAP_LOOKBACK = Duration.ofHours(1);
    public static final double DEFAULT_FLAP_START_PERCENT = 50.0;
    public static final double DEFAULT_FLAP_STOP_PERCENT = 25.0;
    public static final double DEFAULT_BURST_FACTOR = 4.0;
    public static final int DEFAULT_BURST_MIN_COUNT = 5;
    public static final Duration DEFAULT_BURST_WARMUP = Duration.ofMinutes(10);
    public static final double DEFAULT_BURST_SMOOTHING = 0.1;
    public static final int DEFAULT_MAX_TRACKED_KEYS = 4096;

    public DetectionSettings {
        requirePositive(selfHealWindow, "self-heal window");
        requirePositive(flapLookback, "flap look-back");
        requirePositive(burstWarmup, "burst warm-up");
        if (!(flapStopPercent > 0 && flapStopPercent < flapStartPercent && flapStartPercent <= 100)) {
            throw new DomainViolation("flapping needs 0 < stop percent < start percent <= 100, was stop "
                    + flapStopPercent + ", start " + flapStartPercent);
        }
        if (!(burstFactor > 1)) {
            throw new DomainViolation("burst factor must be above 1, was " + burstFactor);
        }
        if (burstMinCount < 1) {
            throw new DomainViolation("burst minimum count must be at least 1, was " + burstMinCount);
        }
        if (!(burstSmoothing > 0 && burstSmoothing <= 1)) {
            throw new DomainViolation("burst smoothing must be within (0, 1], was " + burstSmoothing);
        }
        if (maxTrackedKeys < 16) {
            throw new DomainViolation("max tracked keys must be at least 16, was " + maxTrackedKeys);
        }
    }

    public static DetectionSettings defaults() {
        return new DetectionSettings(DEFAULT_SELF_HEAL_WINDOW, DEFAULT_FLAP_LOOKBACK, DEFAULT_FLAP_START_PERCENT,
                DEFAULT_FLAP_STOP_PERCENT, DEFAULT_BURST_FACTOR, DEFAULT_BURST_MIN_COUNT, DEFAULT_BURST_WARMUP,
                DEFAULT_BURST_SMOOTHING, DEFAULT_MAX_TRACKED_KEYS);
    }

    /** The same settings with another cap on tracked keys. */
    public DetectionSettings withMaxTrackedKeys(int cap) {
        return new DetectionSettings(selfHealWindow, flapLookback, flapStartPercent, flapStopPercent, burstFactor,
                burstMinCount, burstWarmup, burstSmoothing, cap);
    }

    private static void requirePositive(Duration d, String field) {
        DomainViolation.requirePresent(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new DomainViolation(field + " must be positive, was " + d);
        }
    }
}
