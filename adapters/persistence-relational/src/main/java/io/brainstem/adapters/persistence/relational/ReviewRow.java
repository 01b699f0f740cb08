package io.brainstem.adapters.persistence.relational;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.memory.Review;
import io.brainstem.domain.memory.ReviewDecision;
import io.brainstem.domain.memory.ReviewId;
import io.brainstem.domain.memory.SubjectType;
import java.util.Optional;

/** One row of {@code reviews}; the snapshot is JSON or null. */
public record ReviewRow(String id, String tenantId, String subjectType, String subjectId, String decision,
        String notes, String reviewer, String recordedAt, String snapshot) {

    public static ReviewRow from(Review r) {
        return new ReviewRow(r.id().value(), r.tenantId().value(), r.subjectType().wireName(), r.subjectId(),
                r.decision().wireName(), r.notes(), r.reviewer(), SqlTimes.format(r.recordedAt()),
                r.snapshot().map(MemoryJson::snapshot).orElse(null));
    }

    public Review toDomain() {
        return new Review(new ReviewId(id), TenantId.of(tenantId), SubjectType.fromWireName(subjectType).orElseThrow(),
                subjectId, ReviewDecision.fromWireName(decision).orElseThrow(), notes, reviewer,
                SqlTimes.parse(recordedAt), Optional.ofNullable(snapshot).map(MemoryJson::snapshot));
    }
}
