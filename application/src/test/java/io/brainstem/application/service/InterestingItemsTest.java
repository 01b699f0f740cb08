package io.brainstem.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brainstem.application.port.in.InterestingItem;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.Evidence;
import io.brainstem.domain.candidate.ScoreBreakdown;
import io.brainstem.domain.envelope.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterestingItemsTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final Instant T0 = Instant.parse("2026-03-15T03:00:00Z");

    private static Candidate candidate(CandidateType type, String key, double severity, String signature,
            String subject) {
        return Candidate.detect(TENANT, type, key, type.wireName() + " " + key,
                new ScoreBreakdown(1, 0, 0, severity, 0, 0), "why",
                new Evidence(3, List.of(signature), List.of("sw-core-1"), T0, T0.plusSeconds(60), List.of(1L),
                        Map.of(), subject), T0);
    }

    @Test
    void candidatesOfOneSubjectOrOneSignatureAreOneItemWithFacets() {
        String port = "GigabitEthernet0/12 on sw-core-1";
        List<Candidate> bestFirst = List.of(
                candidate(CandidateType.FLAPPING, "link", 1.0, "sig_link", port),
                candidate(CandidateType.SELF_HEAL, "link", 0.9, "sig_link", port),
                candidate(CandidateType.FLAPPING, "lineproto", 0.8, "sig_proto", port),
                candidate(CandidateType.RECURRENCE, "disk", 0.7, "sig_disk", null),
                candidate(CandidateType.BURST, "disk", 0.6, "sig_disk", null),
                candidate(CandidateType.RECURRENCE, "cron", 0.1, "sig_cron", null));

        List<InterestingItem> items = InterestingItems.fold(bestFirst, 10);

        assertEquals(3, items.size());
        assertEquals(bestFirst.get(0), items.get(0).candidate());
        assertEquals(List.of(bestFirst.get(1), bestFirst.get(2)), items.get(0).facets());
        assertEquals(List.of(bestFirst.get(4)), items.get(1).facets());
        assertEquals(List.of(), items.get(2).facets());
        assertEquals(2, InterestingItems.fold(bestFirst, 2).size());
    }
}
