package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.ScoreBreakdown;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Rule {@code unrecovered}: a failure that has come back by itself before and this time has not. Once a failure
 * signature has been seen recovering (any subject, any host), its slowest recovery so far sets a deadline for the
 * next failure of that signature: {@value #DEADLINE_FACTOR} times that recovery time, at least
 * {@value #MIN_DEADLINE_MINUTES} minutes and at most the self-heal window. A failure still open at its deadline is
 * a candidate ("went down at 14:02 and has not come back"); its recovery, however late, reassesses it as having
 * come back, with a lower score. Failures told in life-cycle words ({@code session closed}) are never followed:
 * they need no recovery. Time is event time: deadlines are checked when a later event of the tenant arrives.
 *
 * <p>Scores: recovery 1 while the thing is down (0.5 once it came back late), recurrence from how often the
 * failure signature came back before (the more reliably it came back, the more its silence says), severity the
 * failure's, novelty from the failure; the rest 0. A subject that has stayed down past its deadline and come back before is routine: its
 * long outages are its rhythm (desk ports that go down every evening and up every morning). Pattern key {@code <failureSigId>|<host>|<service>|<entities>}.
 */
final class UnrecoveredRule {

    static final int DEADLINE_FACTOR = 5;
    static final int MIN_DEADLINE_MINUTES = 5;

    private record Pending(String key, EventRef failure, Instant since, Instant deadline, StateSignal.Thing thing,
            String service) {

        String where() {
            return Phrases.where(failure.host(), service);
        }
    }

    private final DetectionSettings settings;
    /** Slowest recovery seen per failure signature, in seconds. */
    private final LruMap<String, Long> slowestRecovery;
    /** Recoveries seen per failure signature (within the self-heal window). */
    private final LruMap<String, long[]> recoveries;
    private final LruMap<String, Pending> pending;
    private final PriorityQueue<Pending> deadlines =
            new PriorityQueue<>((a, b) -> a.deadline().compareTo(b.deadline()));
    /** Candidates reported as not recovered, by key, until their recovery reassesses them. */
    private final LruMap<String, Pending> reported;
    private final List<Assessment> ready = new ArrayList<>(2);
    /** How often each subject stayed down past its deadline and then came back: its normal rhythm, once seen. */
    private final LruMap<String, Long> lateReturns;

    UnrecoveredRule(DetectionSettings settings) {
        this.settings = settings;
        this.slowestRecovery = new LruMap<>(settings.maxTrackedKeys());
        this.recoveries = new LruMap<>(settings.maxTrackedKeys());
        this.pending = new LruMap<>(settings.maxTrackedKeys());
        this.reported = new LruMap<>(settings.maxTrackedKeys());
        this.lateReturns = new LruMap<>(settings.maxTrackedKeys());
    }

    int trackedKeys() {
        return slowestRecovery.size() + recoveries.size() + pending.size() + reported.size() + lateReturns.size();
    }

    static String key(EventRef failure, StateSignal.Thing thing) {
        return failure.signatureId() + '|' + thing.bucket().replace('\u0000', '|') + '|'
                + String.join(",", thing.entities());
    }

    /** A failure opened; it gets a deadline when its signature is known to recover. */
    void opened(EventRef failure, Instant since, StateSignal.Thing thing, String service) {
        Long slowest = slowestRecovery.get(failure.signatureId());
        if (thing.lifecycle() || slowest == null) {
            return;
        }
        long seconds = Math.max(MIN_DEADLINE_MINUTES * 60L, DEADLINE_FACTOR * slowest);
        seconds = Math.min(seconds, settings.selfHealWindow().toSeconds());
        String key = key(failure, thing);
        Pending p = new Pending(key, failure, since, since.plusSeconds(seconds), thing, service);
        pending.put(key, p);
        deadlines.add(p);
        while (deadlines.size() > settings.maxTrackedKeys()) {
            deadlines.poll();
        }
    }

    /** A failure came back after {@code took}: it teaches the signature's recovery time and closes its candidate. */
    void closed(EventRef failure, StateSignal.Thing thing, Duration took, Instant at) {
        if (!took.isNegative() && took.compareTo(settings.selfHealWindow()) <= 0 && !thing.lifecycle()) {
            Long slowest = slowestRecovery.get(failure.signatureId());
            slowestRecovery.put(failure.signatureId(), Math.max(slowest == null ? 0 : slowest, took.toSeconds()));
            long[] n = recoveries.get(failure.signatureId());
            if (n == null) {
                recoveries.put(failure.signatureId(), new long[] {1});
            } else {
                n[0]++;
            }
        }
        String key = key(failure, thing);
        pending.remove(key);
        Pending shown = reported.remove(key);
        if (shown != null) {
            ready.add(assess(shown, at, true));
            lateReturns.put(key, lateReturns.getOrDefault(key, 0L) + 1);
        }
    }

    /**
     * A failure was ended by the usual outcome of an attempt (see {@link SelfHealRule}): its deadline is dropped, a
     * reported candidate is reassessed as come back, and nothing is learned about its recovery time.
     */
    void dropped(EventRef failure, StateSignal.Thing thing, Instant at) {
        String key = key(failure, thing);
        pending.remove(key);
        Pending shown = reported.remove(key);
        if (shown != null) {
            ready.add(assess(shown, at, true));
        }
    }

    /** Assessments due at {@code now}: failures past their deadline, and late recoveries of reported ones. */
    List<Assessment> overdue(Instant now) {
        while (!deadlines.isEmpty() && !deadlines.peek().deadline().isAfter(now)) {
            Pending p = deadlines.poll();
            if (pending.get(p.key()) == p) {
                pending.remove(p.key());
                reported.put(p.key(), p);
                ready.add(assess(p, now, false));
            }
        }
        if (ready.isEmpty()) {
            return List.of();
        }
        List<Assessment> out = List.copyOf(ready);
        ready.clear();
        return out;
    }

    private Assessment assess(Pending p, Instant now, boolean cameBack) {
        EvidenceTrail trail = new EvidenceTrail();
        trail.add(p.failure());
        Duration down = Duration.between(p.since(), now);
        Long slowest = slowestRecovery.get(p.failure().signatureId());
        long before = lateReturns.getOrDefault(p.key(), 0L);
        boolean routine = before > 0;
        long[] cameBackBefore = recoveries.get(p.failure().signatureId());
        long returns = cameBackBefore == null ? 0 : cameBackBefore[0];
        ScoreBreakdown breakdown = new ScoreBreakdown(Scores.recurrence(returns), cameBack ? 0.5 : 1, 0,
                Scores.severity(p.failure().severity()), 0, Scores.novelty(p.since(), now), 0, routine ? 1 : 0);
        Map<String, Double> measures = new LinkedHashMap<>();
        measures.put("down_seconds", (double) Math.max(0, down.toSeconds()));
        if (slowest != null) {
            measures.put("usual_recovery_seconds_max", (double) slowest);
        }
        measures.put("recovered", cameBack ? 1.0 : 0.0);
        measures.put("late_returns_before", (double) before);
        measures.put("recoveries_before", (double) returns);
        String what = p.thing().display().strip();
        String usual = slowest == null ? "" : "; before, it came back " + Phrases.times(returns) + ", within "
                + Phrases.duration(Duration.ofSeconds(slowest));
        String explanation = cameBack
                ? Phrases.quote(what) + " " + p.where() + " came back after " + Phrases.duration(down) + ", at "
                        + Phrases.minute(now) + " (it failed at " + Phrases.minute(p.since()) + usual + ")."
                : Phrases.quote(what) + " " + p.where() + " failed at " + Phrases.minute(p.since())
                        + " and has not come back after " + Phrases.duration(down) + usual + ".";
        if (routine) {
            explanation += " It has stayed down this long and come back " + Phrases.times(before)
                    + " before, so this looks like its normal rhythm and is kept at watch.";
        }
        String title = Phrases.title((cameBack ? "Came back late: " : "Not recovered: ") + what + " " + p.where());
        String subject = p.thing().subjectPhrase(p.failure().host(), p.service());
        return new Assessment(CandidateType.UNRECOVERED, p.key(), title, breakdown, explanation,
                trail.toEvidence(measures, subject));
    }
}
