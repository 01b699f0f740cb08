package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.TENANT;
import static io.brainstem.application.port.out.StorageFixtures.candidate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.brainstem.application.port.in.MemoryQueries.CandidateSearch;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.envelope.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link InspectionReadModel#searchCandidates} must answer, over the same small data set. */
public abstract class CandidateSearchContract {

    protected abstract Storage storage();

    private Storage s;
    private Candidate low;
    private Candidate mid;
    private Candidate high;
    private Candidate foreign;

    @BeforeEach
    void seed() {
        s = storage();
        low = candidate(TENANT, CandidateType.BURST, "low", "Burst of fan alarms", 0.1, List.of("sw-1"), T0);
        mid = candidate(TENANT, CandidateType.FLAPPING, "mid", "Uplink flapping on sw-core-1", 0.5,
                List.of("sw-1", "sw-core-1"), T0.plusSeconds(60));
        high = candidate(TENANT, CandidateType.RECURRENCE, "high", "Recurring VPN rekey", 1.0, List.of("fw-01"),
                T0.plusSeconds(120));
        foreign = candidate(TenantId.of("other"), CandidateType.RECURRENCE, "foreign", "Recurring VPN rekey", 1.0,
                List.of("fw-01"), T0);
        StorageFixtures.write(s, () -> s.candidates().saveAll(List.of(low, mid, high, foreign)));
    }

    private static CandidateSearch search(Set<CandidateType> types, Set<DecisionBand> bands, Optional<String> host,
            Optional<String> query, Optional<Double> minScore) {
        return new CandidateSearch(Optional.of(TENANT.value()), types, bands, host, query, minScore, Optional.empty(),
                true);
    }

    private List<String> found(CandidateSearch q, int limit) {
        return s.unitOfWork().read(() -> s.inspection().searchCandidates(q, limit)).stream()
                .map(Candidate::patternKey).toList();
    }

    private List<String> found(CandidateSearch q) {
        return found(q, 100);
    }

    @Test
    void theTenantsCandidatesHighestScoreFirstAndLimited() {
        assertEquals(List.of("high", "mid", "low"), found(CandidateSearch.ofTenant(Optional.of(TENANT.value()))));
        assertEquals(List.of("high"), found(CandidateSearch.ofTenant(Optional.of(TENANT.value())), 1));
        assertEquals(4, found(CandidateSearch.ofTenant(Optional.empty())).size());
    }

    @Test
    void bandsAndTypesAreAnyOf() {
        assertNotEquals(low.decisionBand(), high.decisionBand());
        for (Set<DecisionBand> bands : List.of(Set.of(high.decisionBand()), Set.of(low.decisionBand()),
                Set.of(high.decisionBand(), low.decisionBand()))) {
            assertEquals(java.util.stream.Stream.of(high, mid, low).filter(c -> bands.contains(c.decisionBand()))
                    .map(Candidate::patternKey).toList(), found(search(Set.of(), bands, Optional.empty(),
                    Optional.empty(), Optional.empty())));
        }
        assertEquals(List.of("mid", "low"), found(search(Set.of(CandidateType.FLAPPING, CandidateType.BURST),
                Set.of(), Optional.empty(), Optional.empty(), Optional.empty())));
        assertEquals(List.of(), found(search(Set.of(CandidateType.SELF_HEAL), Set.of(), Optional.empty(),
                Optional.empty(), Optional.empty())));
    }

    @Test
    void hostIsOneOfTheEvidenceHosts() {
        assertEquals(List.of("mid", "low"), found(search(Set.of(), Set.of(), Optional.of("sw-1"), Optional.empty(),
                Optional.empty())));
        assertEquals(List.of("mid"), found(search(Set.of(), Set.of(), Optional.of("sw-core-1"), Optional.empty(),
                Optional.empty())));
        assertEquals(List.of(), found(search(Set.of(), Set.of(), Optional.of("sw"), Optional.empty(),
                Optional.empty())));
    }

    @Test
    void queryWordsMustAllOccurInTitleOrExplanationIgnoringCase() {
        assertEquals(List.of("high"), found(search(Set.of(), Set.of(), Optional.empty(), Optional.of("vpn REKEY"),
                Optional.empty())));
        assertEquals(List.of("mid"), found(search(Set.of(), Set.of(), Optional.empty(), Optional.of("flap often"),
                Optional.empty())));
        assertEquals(List.of(), found(search(Set.of(), Set.of(), Optional.empty(), Optional.of("vpn fan"),
                Optional.empty())));
    }

    @Test
    void minScoreIsInclusive() {
        assertEquals(List.of("high", "mid"), found(search(Set.of(), Set.of(), Optional.empty(), Optional.empty(),
                Optional.of(mid.scoreTotal()))));
        assertEquals(List.of("high"), found(search(Set.of(), Set.of(), Optional.empty(), Optional.empty(),
                Optional.of(mid.scoreTotal() + 1e-6))));
    }

    @Test
    void updatedSinceIsInclusive() {
        assertEquals(List.of("high", "mid"), found(new CandidateSearch(Optional.of(TENANT.value()), Set.of(),
                Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(mid.updatedAt()), true)));
    }

    private List<String> bySignaturesOrHosts(List<String> signatureIds, List<String> hosts, int limit) {
        return s.unitOfWork().read(() -> s.candidates().findBySignaturesOrHosts(TENANT, signatureIds, hosts, limit))
                .stream().map(Candidate::patternKey).toList();
    }

    @Test
    void findBySignaturesOrHostsMatchesEitherInTheTenantHighestScoreFirst() {
        assertEquals(List.of("high"), bySignaturesOrHosts(List.of(), List.of("fw-01"), 10));
        assertEquals(List.of("mid", "low"), bySignaturesOrHosts(List.of("sig_none"), List.of("sw-1"), 10));
        assertEquals(List.of("high", "mid", "low"), bySignaturesOrHosts(List.of("sig_1"), List.of(), 10));
        assertEquals(List.of("high"), bySignaturesOrHosts(List.of("sig_1"), List.of("sw-1"), 1));
        assertEquals(List.of(), bySignaturesOrHosts(List.of(), List.of(), 10));
        assertEquals(List.of(), bySignaturesOrHosts(List.of("sig_none"), List.of("db-1"), 10));
    }
}
