package io.brainstem.adapters.persistence.relational;

import io.brainstem.application.port.out.ReviewRepository;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.memory.Review;
import io.brainstem.domain.memory.ReviewId;
import io.brainstem.domain.memory.SubjectType;
import java.util.List;
import java.util.Optional;

/** Reviews in a relational store. */
public final class MyBatisReviewRepository implements ReviewRepository {

    private final MapperAccess db;

    public MyBatisReviewRepository(MapperAccess db) {
        this.db = db;
    }

    @Override
    public void save(Review review) {
        ReviewRow row = ReviewRow.from(review);
        db.later(session -> session.getMapper(ReviewMapper.class).insert(row));
    }

    @Override
    public Optional<Review> findById(ReviewId id) {
        return Optional.ofNullable(db.mapper(ReviewMapper.class).findById(id.value())).map(ReviewRow::toDomain);
    }

    @Override
    public List<Review> findBySubject(TenantId tenant, SubjectType type, String subjectId, int limit) {
        return db.mapper(ReviewMapper.class).findBySubject(tenant.value(), type.wireName(), subjectId, limit).stream()
                .map(ReviewRow::toDomain).toList();
    }

    @Override
    public List<Review> findByTenant(TenantId tenant, int limit) {
        return db.mapper(ReviewMapper.class).findByTenant(tenant.value(), limit).stream().map(ReviewRow::toDomain)
                .toList();
    }
}
