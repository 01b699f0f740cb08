package io.brainstem.application.port.in;

import io.brainstem.domain.memory.Incident;

/**
 * Promotes a candidate into incident memory. Promoting a candidate that already has an incident returns that
 * incident ({@code created} false), never a second one.
 */
public interface PromoteCandidateUseCase {

    Promotion promote(PromoteCommand command);

    record PromoteCommand(DatabaseRef database, String candidateId, String title, String summary,
            String incidentType, String promotedBy) {
        public PromoteCommand {
            database = database == null ? DatabaseRef.DEFAULT : database;
            if (candidateId == null || candidateId.isBlank()) {
                throw new InvalidRequestException("missing_candidate_id", "field 'candidate_id' is required");
            }
            if (title == null || title.isBlank()) {
                throw new InvalidRequestException("missing_title", "field 'title' is required to promote");
            }
            if (title.strip().length() > Incident.MAX_TITLE_CHARS) {
                throw new InvalidRequestException("invalid_title",
                        "field 'title' holds at most " + Incident.MAX_TITLE_CHARS + " characters");
            }
        }
    }

    record Promotion(Incident incident, boolean created) {
    }
}
