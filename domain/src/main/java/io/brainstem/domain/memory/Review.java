package io.brainstem.domain.memory;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.shared.DomainViolation;
import io.brainstem.domain.shared.Text;
import java.time.Instant;
import java.util.Optional;

/**
 * A person's judgement, kept as said: a review is never changed by later events. {@code snapshot} is how the
 * candidate looked when judged (absent for other subjects), so a suppressed candidate can come back when it
 * changes materially.
 */
public record Review(ReviewId id, TenantId tenantId, SubjectType subjectType, String subjectId,
        ReviewDecision decision, String notes, String reviewer, Instant recordedAt,
        Optional<CandidateSnapshot> snapshot) {

    public static final int MAX_NOTES_CHARS = 8_000;
    public static final int MAX_REVIEWER_CHARS = 200;

    public Review {
        DomainViolation.requirePresent(id, "review_id");
        DomainViolation.requirePresent(tenantId, "tenant_id");
        DomainViolation.requirePresent(subjectType, "subject_type");
        DomainViolation.requireText(subjectId, "subject_id");
        DomainViolation.requirePresent(decision, "decision");
        DomainViolation.requirePresent(recordedAt, "recorded_at");
        notes = notes == null ? "" : Text.truncate(notes.strip(), MAX_NOTES_CHARS);
        reviewer = reviewer == null || reviewer.isBlank() ? null : Text.truncate(reviewer.strip(), MAX_REVIEWER_CHARS);
        snapshot = snapshot == null ? Optional.empty() : snapshot;
    }

    /** Who said it, for sentences: the reviewer, or "an operator". */
    public String who() {
        return reviewer == null ? "an operator" : reviewer;
    }
}
