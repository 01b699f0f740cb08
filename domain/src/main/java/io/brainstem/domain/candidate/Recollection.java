package io.brainstem.domain.candidate;

import io.brainstem.domain.shared.DomainViolation;
import java.time.Instant;
import java.util.List;

/**
 * What operational memory says about a candidate (ADR 20): the promoted incidents it matches and why, whether
 * a person's judgement keeps it out of the way, and the sentence its explanation gains. It is worked out by the
 * application from incidents and reviews, which are aggregates of their own; the candidate only carries it.
 *
 * @param memory          the memory part of the score breakdown (0..1)
 * @param incidents       matched incidents, best first
 * @param suppressedBy    the review that keeps it out of {@code /interesting} and the digest, or null
 * @param reason          why it is suppressed, or why it came back after a suppressing review, or null
 * @param sentence        appended to the detector's explanation; empty when memory has nothing to say
 */
public record Recollection(double memory, List<IncidentMatch> incidents, String suppressedBy, String reason,
        String sentence) {

    public static final Recollection NONE = new Recollection(0, List.of(), null, null, "");

    public Recollection {
        DomainViolation.requireUnit(memory, "memory");
        incidents = List.copyOf(incidents);
        suppressedBy = suppressedBy == null || suppressedBy.isBlank() ? null : suppressedBy;
        reason = reason == null || reason.isBlank() ? null : reason;
        sentence = sentence == null ? "" : sentence.strip();
    }

    public boolean suppressed() {
        return suppressedBy != null;
    }

    /** A promoted incident the candidate matches: which, when it was promoted, and why it matches. */
    public record IncidentMatch(String incidentId, String title, Instant promotedAt, String why, double strength) {
        public IncidentMatch {
            DomainViolation.requireText(incidentId, "incident_memory_id");
            DomainViolation.requireText(title, "title");
            DomainViolation.requirePresent(promotedAt, "promoted_at");
            DomainViolation.requireText(why, "why");
            DomainViolation.requireUnit(strength, "strength");
        }
    }
}
