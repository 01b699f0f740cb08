package io.brainstem.application.port.out;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.memory.Review;
import io.brainstem.domain.memory.ReviewId;
import io.brainstem.domain.memory.SubjectType;
import java.util.List;
import java.util.Optional;

/** Operators' reviews, kept as recorded: a review is never updated, a later one supersedes it. */
public interface ReviewRepository {

    /** Stores a new review. */
    void save(Review review);

    Optional<Review> findById(ReviewId id);

    /** The reviews of one subject, newest first (by recorded time, then id), at most {@code limit}. */
    List<Review> findBySubject(TenantId tenant, SubjectType type, String subjectId, int limit);

    /** The tenant's reviews, newest first, at most {@code limit}. */
    List<Review> findByTenant(TenantId tenant, int limit);
}
