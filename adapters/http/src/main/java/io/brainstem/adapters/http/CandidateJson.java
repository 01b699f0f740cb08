package io.brainstem.adapters.http;

import io.brainstem.application.port.in.InterestingItem;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.Evidence;
import java.util.List;
import java.util.Map;

/** How a candidate looks on the wire. */
record CandidateJson(String candidateId, String tenantId, String candidateType, String title,
        Map<String, Double> scoreBreakdown, double scoreTotal, String decisionBand, String explanation,
        EvidenceJson evidence, String createdAt, String updatedAt, String whyItMatters) {

    record EvidenceJson(long eventCount, List<String> signatureIds, List<String> hosts, String firstSeen,
            String lastSeen, List<Long> sampleEventIds, Map<String, Double> measures) {
        static EvidenceJson from(Evidence e) {
            return new EvidenceJson(e.eventCount(), e.signatureIds(), e.hosts(), e.firstSeen().toString(),
                    e.lastSeen().toString(), e.sampleEventIds(), e.measures());
        }
    }

    static CandidateJson from(Candidate c, String whyItMatters) {
        return new CandidateJson(c.id().value(), c.tenantId().value(), c.type().wireName(), c.title(),
                c.breakdown().asMap(), c.scoreTotal(), c.decisionBand().wireName(), c.explanation(),
                EvidenceJson.from(c.evidence()), c.createdAt().toString(), c.updatedAt().toString(), whyItMatters);
    }

    static CandidateJson from(InterestingItem item) {
        return from(item.candidate(), item.whyItMatters());
    }
}
