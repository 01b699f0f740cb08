package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.TENANT;
import static io.brainstem.application.port.out.StorageFixtures.review;
import static io.brainstem.application.port.out.StorageFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.memory.CandidateSnapshot;
import io.brainstem.domain.memory.Review;
import io.brainstem.domain.memory.ReviewDecision;
import io.brainstem.domain.memory.ReviewId;
import io.brainstem.domain.memory.SubjectType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link ReviewRepository} must do: reviews are appended, never updated (ADR 20). */
public abstract class ReviewRepositoryContract {

    protected abstract Storage storage();

    private static List<ReviewId> ids(List<Review> reviews) {
        return reviews.stream().map(Review::id).toList();
    }

    private List<Review> bySubject(Storage s, TenantId tenant, SubjectType type, String subject, int limit) {
        return s.unitOfWork().read(() -> s.reviews().findBySubject(tenant, type, subject, limit));
    }

    @Test
    void aReviewComesBackAsRecordedWithItsSnapshot() {
        Storage s = storage();
        CandidateSnapshot snap = new CandidateSnapshot(12, T0, T0.plusSeconds(3600), List.of("fw-01", "fw-02"), 0.4,
                0.55);
        Review r = new Review(ReviewId.of(7), TENANT, SubjectType.CANDIDATE, "cand_1", ReviewDecision.NOISE,
                "known maintenance", "ana", T0, Optional.of(snap));
        Review bare = review(8, TENANT, SubjectType.SIGNATURE, "sig_1", ReviewDecision.USEFUL, T0);
        write(s, () -> {
            s.reviews().save(r);
            s.reviews().save(bare);
        });
        assertEquals(r, s.unitOfWork().read(() -> s.reviews().findById(r.id())).orElseThrow());
        assertEquals(bare, s.unitOfWork().read(() -> s.reviews().findById(bare.id())).orElseThrow());
        assertTrue(s.unitOfWork().read(() -> s.reviews().findById(ReviewId.of(9))).isEmpty());
    }

    @Test
    void twoReviewsOfOneSubjectAreBothKeptLatestFirst() {
        Storage s = storage();
        Review first = review(1, TENANT, SubjectType.CANDIDATE, "cand_1", ReviewDecision.NOISE, T0);
        Review later = review(2, TENANT, SubjectType.CANDIDATE, "cand_1", ReviewDecision.USEFUL, T0.plusSeconds(60));
        write(s, () -> s.reviews().save(first));
        write(s, () -> s.reviews().save(later));
        List<Review> found = bySubject(s, TENANT, SubjectType.CANDIDATE, "cand_1", 10);
        assertEquals(List.of(later.id(), first.id()), ids(found));
        assertEquals(ReviewDecision.NOISE, found.get(1).decision());
        assertEquals(List.of(later.id()), ids(bySubject(s, TENANT, SubjectType.CANDIDATE, "cand_1", 1)));
    }

    @Test
    void reviewsRecordedAtTheSameTimeAreOrderedByIdNewestFirst() {
        Storage s = storage();
        write(s, () -> {
            s.reviews().save(review(0xa, TENANT, SubjectType.EVENT, "42", ReviewDecision.EXPECTED, T0));
            s.reviews().save(review(0xc, TENANT, SubjectType.EVENT, "42", ReviewDecision.NOISE, T0));
            s.reviews().save(review(0xb, TENANT, SubjectType.EVENT, "42", ReviewDecision.DUPLICATE, T0));
        });
        assertEquals(List.of(ReviewId.of(0xc), ReviewId.of(0xb), ReviewId.of(0xa)),
                ids(bySubject(s, TENANT, SubjectType.EVENT, "42", 10)));
    }

    @Test
    void bySubjectKeepsToTheSubjectItsTypeAndTenant() {
        Storage s = storage();
        TenantId other = TenantId.of("other");
        write(s, () -> {
            s.reviews().save(review(1, TENANT, SubjectType.CANDIDATE, "x", ReviewDecision.NOISE, T0));
            s.reviews().save(review(2, TENANT, SubjectType.SIGNATURE, "x", ReviewDecision.NOISE, T0));
            s.reviews().save(review(3, TENANT, SubjectType.CANDIDATE, "y", ReviewDecision.NOISE, T0));
            s.reviews().save(review(4, other, SubjectType.CANDIDATE, "x", ReviewDecision.NOISE, T0));
        });
        assertEquals(List.of(ReviewId.of(1)), ids(bySubject(s, TENANT, SubjectType.CANDIDATE, "x", 10)));
        assertEquals(List.of(ReviewId.of(2)), ids(bySubject(s, TENANT, SubjectType.SIGNATURE, "x", 10)));
        assertEquals(List.of(ReviewId.of(4)), ids(bySubject(s, other, SubjectType.CANDIDATE, "x", 10)));
        assertEquals(List.of(), bySubject(s, other, SubjectType.INCIDENT, "x", 10));
    }

    @Test
    void byTenantIsScopedNewestFirstAndLimited() {
        Storage s = storage();
        TenantId other = TenantId.of("other");
        write(s, () -> {
            s.reviews().save(review(1, TENANT, SubjectType.CANDIDATE, "a", ReviewDecision.NOISE, T0.plusSeconds(5)));
            s.reviews().save(review(2, TENANT, SubjectType.INCIDENT, "b", ReviewDecision.USEFUL, T0.plusSeconds(9)));
            s.reviews().save(review(3, other, SubjectType.CANDIDATE, "a", ReviewDecision.NOISE, T0.plusSeconds(20)));
            s.reviews().save(review(4, TENANT, SubjectType.EVENT, "c", ReviewDecision.NOISE, T0));
        });
        assertEquals(List.of(ReviewId.of(2), ReviewId.of(1), ReviewId.of(4)),
                ids(s.unitOfWork().read(() -> s.reviews().findByTenant(TENANT, 10))));
        assertEquals(List.of(ReviewId.of(2), ReviewId.of(1)),
                ids(s.unitOfWork().read(() -> s.reviews().findByTenant(TENANT, 2))));
        assertEquals(List.of(ReviewId.of(3)), ids(s.unitOfWork().read(() -> s.reviews().findByTenant(other, 10))));
    }
}
