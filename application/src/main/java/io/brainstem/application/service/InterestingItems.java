package io.brainstem.application.service;

import io.brainstem.application.port.in.InterestingItem;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.detection.CandidateNarrative;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fault, one item: candidates, best first, folded so that the candidates of one fault make one item with
 * facets. Two candidates belong to one fault when their evidence names the same subject
 * ({@code GigabitEthernet0/12 on sw-core-1}: the link and line-protocol messages of one port, as self_heal, flapping,
 * recurrence), or when they are the {@code recurrence} and {@code burst} of one signature.
 */
final class InterestingItems {

    /** How many candidates are read for each item asked for, so that folding still fills the list. */
    static final int READ_PER_ITEM = 4;

    private InterestingItems() {
    }

    static List<InterestingItem> fold(List<Candidate> bestFirst, int limit) {
        Map<String, List<Candidate>> faults = new LinkedHashMap<>();
        for (Candidate c : bestFirst) {
            faults.computeIfAbsent(faultKey(c), k -> new ArrayList<>()).add(c);
        }
        List<InterestingItem> items = new ArrayList<>(Math.min(limit, faults.size()));
        for (List<Candidate> fault : faults.values()) {
            if (items.size() >= limit) {
                break;
            }
            Candidate lead = fault.getFirst();
            items.add(new InterestingItem(lead, CandidateNarrative.whyItMatters(lead), fault.subList(1, fault.size())));
        }
        return items;
    }

    static String faultKey(Candidate c) {
        String tenant = c.tenantId().value();
        if (c.evidence().subject() != null) {
            return tenant + "\u0000subject\u0000" + c.evidence().subject();
        }
        if ((c.type() == CandidateType.RECURRENCE || c.type() == CandidateType.BURST)
                && c.evidence().signatureIds().size() == 1) {
            return tenant + "\u0000signature\u0000" + c.evidence().signatureIds().getFirst();
        }
        return tenant + "\u0000candidate\u0000" + c.id().value();
    }
}
