package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.TENANT;
import static io.brainstem.application.port.out.StorageFixtures.candidate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.Evidence;
import io.brainstem.domain.candidate.ScoreBreakdown;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link CandidateRepository} must do. */
public abstract class CandidateRepositoryContract {

    protected abstract Storage storage();

    @Test
    void candidateComesBackWholeAndReassessmentReplacesIt() {
        Storage s = storage();
        Candidate c = candidate(TENANT, "recurrence:sig_1", 0.4, T0);
        s.unitOfWork().write(() -> {
            s.candidates().saveAll(List.of(c));
            return null;
        });
        Candidate back = s.unitOfWork().read(() -> s.candidates().findById(c.id())).orElseThrow();
        assertEquals(c.type(), back.type());
        assertEquals(c.patternKey(), back.patternKey());
        assertEquals(c.title(), back.title());
        assertEquals(c.breakdown(), back.breakdown());
        assertEquals(c.explanation(), back.explanation());
        assertEquals(c.evidence(), back.evidence());
        assertEquals(c.createdAt(), back.createdAt());

        c.reassess("Recurring more", new ScoreBreakdown(1, 1, 1, 1, 1, 1, 1, 0), "seen a lot",
                new Evidence(9, List.of("sig_1"), List.of("fw-01", "fw-02"), T0, T0.plusSeconds(60), List.of(9L),
                        java.util.Map.of("periodic", 1.0), "GigabitEthernet0/12 on sw-core-1"),
                T0.plusSeconds(60));
        s.unitOfWork().write(() -> {
            s.candidates().saveAll(List.of(c));
            return null;
        });
        Candidate again = s.unitOfWork().read(() -> s.candidates().findById(c.id())).orElseThrow();
        assertEquals(1.0, again.scoreTotal(), 1e-9);
        assertEquals(9, again.evidence().eventCount());
        assertEquals("GigabitEthernet0/12 on sw-core-1", again.evidence().subject());
        assertEquals(c.breakdown(), again.breakdown());
        assertEquals(T0.plusSeconds(60), again.updatedAt());
    }

    @Test
    void findByTenantIsHighestScoreFirst() {
        Storage s = storage();
        Candidate low = candidate(TENANT, "low", 0.1, T0);
        Candidate high = candidate(TENANT, "high", 0.9, T0);
        s.unitOfWork().write(() -> {
            s.candidates().saveAll(List.of(low, high));
            return null;
        });
        assertEquals(List.of(high.id(), low.id()), s.unitOfWork().read(() ->
                s.candidates().findByTenant(TENANT, 5)).stream().map(Candidate::id).toList());
    }
}
