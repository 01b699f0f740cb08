package io.brainstem.application.port.in;

import io.brainstem.domain.memory.Review;
import io.brainstem.domain.memory.ReviewDecision;
import io.brainstem.domain.memory.SubjectType;
import java.util.Optional;

/**
 * Records an operator's judgement of a candidate, signature, event or incident. A review of a candidate (or of a
 * signature, for the candidates resting on it) changes what brainstem says: {@code useful} raises it, the others
 * keep it out of the way until it changes materially (ADR 20).
 */
public interface RecordReviewUseCase {

    Review record(ReviewCommand command);

    /** {@code tenantId} empty: the subject's own tenant. */
    record ReviewCommand(DatabaseRef database, Optional<String> tenantId, SubjectType subjectType, String subjectId,
            ReviewDecision decision, String notes, String reviewer) {
        public ReviewCommand {
            database = database == null ? DatabaseRef.DEFAULT : database;
            tenantId = tenantId == null ? Optional.empty() : tenantId;
            if (subjectType == null) {
                throw new InvalidRequestException("invalid_subject_type",
                        "field 'subject_type' must be one of event, signature, candidate, incident");
            }
            if (subjectId == null || subjectId.isBlank()) {
                throw new InvalidRequestException("missing_subject_id", "field 'subject_id' is required");
            }
            if (decision == null) {
                throw new InvalidRequestException("invalid_decision",
                        "field 'decision' must be one of useful, noise, expected, duplicate");
            }
            if (notes != null && notes.length() > Review.MAX_NOTES_CHARS) {
                throw new InvalidRequestException("invalid_notes",
                        "field 'notes' holds at most " + Review.MAX_NOTES_CHARS + " characters");
            }
        }
    }
}
