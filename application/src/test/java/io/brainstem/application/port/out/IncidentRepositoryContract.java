package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.TENANT;
import static io.brainstem.application.port.out.StorageFixtures.candidate;
import static io.brainstem.application.port.out.StorageFixtures.incident;
import static io.brainstem.application.port.out.StorageFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.memory.Incident;
import io.brainstem.domain.memory.IncidentId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link IncidentRepository} must do (ADR 20). */
public abstract class IncidentRepositoryContract {

    protected abstract Storage storage();

    private static final TenantId OTHER = TenantId.of("other");

    private static Incident promoted(TenantId tenant, String key, String title, String summary, int minutes) {
        return incident(candidate(tenant, key, 0.6, T0), title, summary, List.of(key + " <*>"),
                T0.plusSeconds(60L * minutes));
    }

    private static List<String> titles(List<Incident> found) {
        return found.stream().map(Incident::title).toList();
    }

    private List<Incident> search(Storage s, Optional<TenantId> tenant, int limit, String... words) {
        return s.unitOfWork().read(() -> s.incidents().search(tenant, List.of(words), limit));
    }

    @Test
    void anIncidentComesBackWholeByIdAndByItsCandidate() {
        Storage s = storage();
        Candidate c = candidate(TENANT, "vpn-rekey", 0.8, T0);
        Incident i = incident(c, "VPN rekey storm", "Tunnels to the DC rekeyed every minute",
                List.of("VPN tunnel <*> rekey", "IKE SA <*> deleted"), T0.plusSeconds(30));
        write(s, () -> s.incidents().save(i));

        Incident back = s.unitOfWork().read(() -> s.incidents().findById(i.id())).orElseThrow();
        assertEquals(i.tenantId(), back.tenantId());
        assertEquals(c.id(), back.candidateId());
        assertEquals(i.candidateType(), back.candidateType());
        assertEquals(i.title(), back.title());
        assertEquals(i.summary(), back.summary());
        assertEquals(i.incidentType(), back.incidentType());
        assertEquals(i.signatureIds(), back.signatureIds());
        assertEquals(i.templates(), back.templates());
        assertEquals(i.subject(), back.subject());
        assertEquals(i.atPromotion(), back.atPromotion());
        assertEquals(i.bandAtPromotion(), back.bandAtPromotion());
        assertEquals(i.explanationAtPromotion(), back.explanationAtPromotion());
        assertEquals(i.sampleMessages(), back.sampleMessages());
        assertEquals(i.promotedBy(), back.promotedBy());
        assertEquals(i.promotedAt(), back.promotedAt());
        // the service finds a candidate's incident by the id derived from the candidate
        assertEquals(Optional.of(i), s.unitOfWork().read(() -> s.incidents().findById(
                IncidentId.forCandidate(c.id()))));
        assertTrue(s.unitOfWork().read(() -> s.incidents().findById(
                IncidentId.forCandidate(candidate(TENANT, "other", 0.8, T0).id()))).isEmpty());
    }

    @Test
    void promotingTheSameCandidateAgainKeepsTheFirstIncident() {
        Storage s = storage();
        Candidate c = candidate(TENANT, "fan", 0.5, T0);
        Incident first = incident(c, "Fan failed", "first words", List.of("fan <*> failed"), T0);
        Incident second = incident(c, "Fan failed again", "second words", List.of("fan <*> failed"),
                T0.plusSeconds(600));
        write(s, () -> s.incidents().save(first));
        write(s, () -> s.incidents().save(second));
        assertEquals(first.id(), second.id());
        Incident kept = s.unitOfWork().read(() -> s.incidents().findById(first.id())).orElseThrow();
        assertEquals("Fan failed", kept.title());
        assertEquals(T0, kept.promotedAt());
        assertEquals(1, s.unitOfWork().read(() -> s.incidents().findByTenant(TENANT, 10)).size());
        assertEquals(List.of("Fan failed"), titles(search(s, Optional.of(TENANT), 10, "fan")));
    }

    @Test
    void findByTenantIsScopedNewestFirstAndLimited() {
        Storage s = storage();
        write(s, () -> {
            s.incidents().save(promoted(TENANT, "a", "Oldest", "", 0));
            s.incidents().save(promoted(TENANT, "b", "Newest", "", 20));
            s.incidents().save(promoted(TENANT, "c", "Middle", "", 10));
            s.incidents().save(promoted(OTHER, "d", "Foreign", "", 30));
        });
        assertEquals(List.of("Newest", "Middle", "Oldest"),
                titles(s.unitOfWork().read(() -> s.incidents().findByTenant(TENANT, 10))));
        assertEquals(List.of("Newest"), titles(s.unitOfWork().read(() -> s.incidents().findByTenant(TENANT, 1))));
        assertEquals(List.of("Foreign"), titles(s.unitOfWork().read(() -> s.incidents().findByTenant(OTHER, 10))));
    }

    @Test
    void searchFindsAnyWordStemmedWithIncidentsHoldingAllWordsFirst() {
        Storage s = storage();
        write(s, () -> {
            s.incidents().save(promoted(TENANT, "vpn", "Recurring VPN rekey instability",
                    "The tunnel kept flapping after the firmware update", 0));
            s.incidents().save(promoted(TENANT, "link", "Uplink flaps on sw-core-1", "Port errors", 10));
            s.incidents().save(promoted(TENANT, "disk", "Disk almost full", "Nothing about tunnels", 20));
        });
        List<Incident> found = search(s, Optional.of(TENANT), 10, "vpn", "flaps");
        assertEquals(List.of("Recurring VPN rekey instability", "Uplink flaps on sw-core-1"), titles(found));
        assertEquals(List.of("Recurring VPN rekey instability", "Uplink flaps on sw-core-1"),
                titles(search(s, Optional.of(TENANT), 10, "FLAPPED", "firmware")));
        assertEquals(List.of("Uplink flaps on sw-core-1", "Recurring VPN rekey instability"),
                titles(search(s, Optional.of(TENANT), 10, "uplink", "flapping")));
        assertEquals(List.of(), search(s, Optional.of(TENANT), 10, "printer"));
    }

    @Test
    void searchLooksAtTheIncidentTypeAndTemplates() {
        Storage s = storage();
        write(s, () -> s.incidents().save(promoted(TENANT, "charon", "Something odd", "", 0)));
        assertEquals(List.of("Something odd"), titles(search(s, Optional.of(TENANT), 10, "charon")));
        assertEquals(List.of("Something odd"), titles(search(s, Optional.of(TENANT), 10, "recurrence")));
    }

    @Test
    void searchIsScopedToTheTenantWhenGivenAndLimited() {
        Storage s = storage();
        write(s, () -> {
            s.incidents().save(promoted(TENANT, "a", "Fan failed in rack 1", "", 0));
            s.incidents().save(promoted(TENANT, "b", "Fan failed in rack 2", "", 10));
            s.incidents().save(promoted(OTHER, "c", "Fan failed elsewhere", "", 20));
        });
        assertEquals(2, search(s, Optional.of(TENANT), 10, "fan").size());
        assertEquals(List.of("Fan failed elsewhere"), titles(search(s, Optional.of(OTHER), 10, "fan")));
        assertEquals(3, search(s, Optional.empty(), 10, "fan").size());
        assertEquals(1, search(s, Optional.of(TENANT), 1, "fan").size());
        assertEquals(2, search(s, Optional.empty(), 2, "fan", "rack").size());
    }

    @Test
    void searchTreatsQuerySyntaxAsText() {
        Storage s = storage();
        write(s, () -> s.incidents().save(promoted(TENANT, "a", "Fan failed", "", 0)));
        assertEquals(List.of("Fan failed"), titles(search(s, Optional.of(TENANT), 10, "fan", "OR", "\"", "NEAR(")));
    }
}
