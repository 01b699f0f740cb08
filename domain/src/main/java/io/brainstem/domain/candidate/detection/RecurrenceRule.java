package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.Evidence;
import io.brainstem.domain.candidate.ScoreBreakdown;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.signature.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule {@code recurrence}: a signature seen at least {@code threshold} times in the tenant is a candidate,
 * reassessed on every further sighting. Counts, hosts and first/last seen come from the signature itself (so
 * they include what was seen before a restart); this rule keeps only sample event ids and the most severe
 * severity per signature.
 *
 * <p>Scores: recurrence from the occurrence count, spread from the signature's distinct hosts, severity the
 * most severe seen, novelty from the signature's first sighting; recovery and burst 0 (those belong to the
 * {@code self_heal}, {@code flapping} and {@code burst} candidates).
 */
final class RecurrenceRule {

    private final LruMap<String, EvidenceTrail> trails;

    RecurrenceRule(DetectionSettings settings) {
        this.trails = new LruMap<>(settings.maxTrackedKeys());
    }

    /** Keys held, for tests of the memory bound. */
    int trackedKeys() {
        return trails.size();
    }

    Optional<Assessment> observe(EventRef event, Signature signature, int threshold) {
        EvidenceTrail trail = trails.computeIfAbsent(signature.id().value(), id -> new EvidenceTrail());
        trail.add(event);
        long n = signature.occurrenceCount();
        if (n < threshold) {
            return Optional.empty();
        }
        ScoreBreakdown breakdown = new ScoreBreakdown(Scores.recurrence(n), 0, Scores.spread(signature
                .distinctHostCount()), Scores.severity(trail.mostSevere()), 0,
                Scores.novelty(signature.firstSeen(), event.at()));
        Map<String, Double> measures = new LinkedHashMap<>();
        measures.put("occurrences", (double) n);
        measures.put("threshold", (double) threshold);
        measures.put("distinct_hosts", (double) signature.distinctHostCount());
        Instant first = signature.firstSeen();
        Evidence evidence = new Evidence(n, List.of(signature.id().value()),
                new ArrayList<>(signature.hosts()), first, signature.lastSeen(), trail.samples(), measures);
        String hosts = signature.distinctHostCount() == 0 ? ""
                : " on " + Phrases.hosts(signature.hosts(), signature.distinctHostCount());
        String explanation = Phrases.quote(signature.template()) + " has happened " + Phrases.times(n) + " since "
                + Phrases.minute(first) + hosts + ", most severely at " + trail.mostSevere().wireName()
                + "; the recurrence threshold is " + threshold + ".";
        return Optional.of(new Assessment(CandidateType.RECURRENCE, "recurrence:" + signature.id().value(),
                Phrases.title("Recurring: " + signature.template()), breakdown, explanation, evidence));
    }
}
