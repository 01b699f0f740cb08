package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.Evidence;
import io.brainstem.domain.candidate.ScoreBreakdown;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.Signature;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rule {@code burst}: a signature's count in one minute (UTC minute of the event timestamps) far above its own
 * baseline. The baseline is an exponentially weighted moving average of the signature's per-minute counts
 * (smoothing 0.1 by default, so roughly the last ten minutes; empty minutes count as 0), started from its first
 * full minute. A minute is a burst when all hold:
 * <ul>
 *   <li>the signature has been watched for at least the warm-up (10 minutes) — or, within its warm-up, it is new
 *       for the tenant (first seen a day or more after the tenant's first event) and the minute holds at least
 *       {@value #NEW_SIGNATURE_FACTOR} times the factor (8 with the defaults); the first events of a signature in
 *       a tenant's first day are never a burst;</li>
 *   <li>the minute's count is at least the minimum count (5);</li>
 *   <li>the count is at least the factor (4) times the baseline, the baseline counted as at least 1 a minute.</li>
 * </ul>
 * Every event of a bursting minute reassesses the candidate (pattern key {@code burst:<signatureId>}). An event
 * older than the current minute of its signature (late arrival) is not counted.
 *
 * <p>Scores: burst {@code ln(ratio)/ln(4 x factor)} (0.5 at the factor, 1 at four times it), recurrence from the
 * signature's occurrence count, spread from its distinct hosts, severity the most severe event in its bursts,
 * novelty from the signature's first sighting; recovery 0.
 */
final class BurstRule {

    static final double BASELINE_FLOOR_PER_MINUTE = 1.0;
    /** A signature still in its warm-up bursts only at this many times the burst factor over the floor. */
    static final double NEW_SIGNATURE_FACTOR = 2.0;

    private final DetectionSettings settings;
    private final LruMap<String, Pattern> patterns;
    private final long warmupSeconds;
    private final boolean warmupWholeSeconds;

    BurstRule(DetectionSettings settings) {
        this.settings = settings;
        this.patterns = new LruMap<>(settings.maxTrackedKeys());
        this.warmupSeconds = settings.burstWarmup().getSeconds();
        this.warmupWholeSeconds = settings.burstWarmup().getNano() == 0;
    }

    /** Keys held in this rule's own tables (the per-signature rates are kept by the detector). */
    int trackedKeys() {
        return patterns.size();
    }

    /** A signature is new for the tenant when first seen at least this long after the tenant's first event. */
    static final long NEW_FOR_TENANT_AFTER_SECONDS = 86_400;

    Assessment observe(SignatureState state, EventRef event, Signature signature, Instant tenantSince) {
        long minute = Math.floorDiv(event.at().getEpochSecond(), 60);
        Rate rate = state.rate;
        if (rate == null) {
            rate = new Rate(minute);
            state.rate = rate;
        }
        if (!rate.count(event, minute, settings.burstSmoothing())) {
            return null;
        }
        boolean warm = warm(minute - rate.firstMinute);
        if (rate.count < settings.burstMinCount()) {
            return null;
        }
        double usual = Math.max(rate.baseline, BASELINE_FLOOR_PER_MINUTE);
        if (!warm) {
            boolean newForTenant = tenantSince != null && signature.firstSeen().getEpochSecond()
                    - tenantSince.getEpochSecond() >= NEW_FOR_TENANT_AFTER_SECONDS;
            if (!newForTenant) {
                return null;
            }
            usual = BASELINE_FLOOR_PER_MINUTE;
            if (rate.count < NEW_SIGNATURE_FACTOR * settings.burstFactor() * usual) {
                return null;
            }
        } else if (rate.count < settings.burstFactor() * usual) {
            return null;
        }
        String key = state.burstKey();
        Pattern p = patterns.computeIfAbsent(key, k -> new Pattern());
        p.record(rate, event, minute);
        double ratio = rate.count / usual;
        boolean routine = !state.readsAsFailure() && (p.trail.mostSevere().ordinal() >= Severity.NOTICE.ordinal()
                || state.rhythm.steady() && !RecurrenceRule.rising(state)
                        && p.trail.mostSevere().ordinal() >= Severity.WARNING.ordinal())
                || state.reading() instanceof StateWords.Recovery;
        ScoreBreakdown breakdown = new ScoreBreakdown(Scores.recurrence(signature.occurrenceCount()), 0,
                Scores.spread(signature.distinctHostCount()), Scores.severity(p.trail.mostSevere()),
                Scores.burst(ratio, settings.burstFactor()), Scores.novelty(signature.firstSeen(), event.at()), 0,
                routine ? 1 : 0);
        Map<String, Double> measures = new LinkedHashMap<>();
        measures.put("burst_count", (double) rate.count);
        measures.put("baseline_per_minute", Math.round(rate.baseline * 100) / 100.0);
        measures.put("burst_ratio", Math.round(ratio * 10) / 10.0);
        measures.put("burst_factor", settings.burstFactor());
        measures.put("burst_minutes", (double) p.minutes);
        Instant minuteStart = Instant.ofEpochSecond(minute * 60);
        String explanation = state.quoted() + " came " + rate.count
                + " times in the minute from " + Phrases.minute(minuteStart) + " on "
                + Phrases.hosts(rate.hosts.toList(), rate.hosts.size()) + ", against a usual " + Phrases.rate(rate.baseline)
                + " a minute (" + Phrases.rate(ratio) + "x; a burst needs " + Phrases.rate(settings.burstFactor())
                + "x and at least " + settings.burstMinCount() + "); most severe: " + p.trail.mostSevere().wireName()
                + "." + (p.minutes > 1 ? " It has burst in " + p.minutes + " minutes since "
                        + Phrases.minute(p.firstMinuteStart) + "." : "")
                + (warm ? "" : " The signature is new: it was first seen " + Phrases.minute(signature.firstSeen()) + ".")
                + (routine ? Scores.ROUTINE_NOTE : "");
        return new Assessment(CandidateType.BURST, key, state.burstTitle(), breakdown, explanation,
                p.trail.toEvidence(measures, rate.hosts.size() == 1 ? state.subject(signature) : null));
    }

    /** Whether {@code minutes} of watching reach the warm-up ({@code Duration.ofMinutes(minutes) >= warm-up}). */
    private boolean warm(long minutes) {
        long seconds = minutes * 60;
        return seconds > warmupSeconds || seconds == warmupSeconds && warmupWholeSeconds;
    }

    /** One signature's per-minute count and baseline. */
    static final class Rate {
        private final long firstMinute;
        private long minute;
        private int count;
        private double baseline;
        private boolean hasBaseline;
        private final HostSet hosts = new HostSet();
        private final ArrayDeque<EventRef> recent = new ArrayDeque<>();
        private boolean bursting;

        Rate(long firstMinute) {
            this.firstMinute = firstMinute;
            this.minute = firstMinute;
        }

        /** Counts the event into its minute; false for a late event of an earlier minute. */
        boolean count(EventRef event, long eventMinute, double smoothing) {
            if (eventMinute < minute) {
                return false;
            }
            if (eventMinute > minute) {
                baseline = hasBaseline ? smoothing * count + (1 - smoothing) * baseline : count;
                hasBaseline = true;
                baseline *= Math.pow(1 - smoothing, eventMinute - minute - 1);
                minute = eventMinute;
                count = 0;
                hosts.clear();
                recent.clear();
                bursting = false;
            }
            count++;
            hosts.add(event.host());
            recent.addLast(event);
            if (recent.size() > Evidence.MAX_SAMPLES) {
                recent.removeFirst();
            }
            return true;
        }
    }

    /** A signature's bursts so far. */
    private static final class Pattern {
        private final EvidenceTrail trail = new EvidenceTrail();
        private long minutes;
        private Instant firstMinuteStart;

        void record(Rate rate, EventRef event, long minute) {
            if (!rate.bursting) {
                rate.bursting = true;
                minutes++;
                firstMinuteStart = firstMinuteStart == null ? Instant.ofEpochSecond(minute * 60) : firstMinuteStart;
                trail.addUnsampled(rate.count - rate.recent.size(), rate.hosts.toList());
                rate.recent.forEach(trail::add);
            } else {
                trail.add(event);
            }
        }
    }
}
