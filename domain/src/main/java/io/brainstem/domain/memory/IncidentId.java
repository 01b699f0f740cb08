package io.brainstem.domain.memory;

import io.brainstem.domain.candidate.CandidateId;
import io.brainstem.domain.shared.DomainViolation;

/**
 * The id of an incident in memory, {@code inc_} and 16 hex digits. It is derived from the promoted candidate, so
 * promoting the same candidate twice names the same incident and never makes a second one.
 */
public record IncidentId(String value) {

    public IncidentId {
        DomainViolation.requireText(value, "incident_memory_id");
    }

    public static IncidentId forCandidate(CandidateId candidate) {
        return new IncidentId("inc_" + Ids.hash("incident\u0000" + candidate.value()));
    }

    @Override
    public String toString() {
        return value;
    }
}
