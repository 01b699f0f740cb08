package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.Evidence;
import io.brainstem.domain.candidate.ScoreBreakdown;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.signature.Signature;
import java.util.List;

/** Placeholder detector: recurrence only. Replaced by the full engine. */
public final class CandidateDetector {

    public record Assessment(CandidateType type, String patternKey, String title, ScoreBreakdown breakdown,
            String explanation, Evidence evidence) {
    }

    public List<Assessment> observe(CanonicalEvent event, Signature signature, int threshold) {
        if (signature.occurrenceCount() < threshold) {
            return List.of();
        }
        double recurrence = Math.min(1.0, signature.occurrenceCount() / 20.0);
        ScoreBreakdown breakdown = new ScoreBreakdown(recurrence, 0, 0, 0, 0, 0);
        Evidence evidence = new Evidence(signature.occurrenceCount(), List.of(signature.id().value()),
                List.copyOf(signature.hosts()), signature.firstSeen(), signature.lastSeen(),
                List.of(event.id().value()));
        return List.of(new Assessment(CandidateType.RECURRENCE, "recurrence:" + signature.id().value(),
                "Recurring: " + signature.template(), breakdown,
                "\"" + signature.template() + "\" was seen " + signature.occurrenceCount() + " times.", evidence));
    }
}
