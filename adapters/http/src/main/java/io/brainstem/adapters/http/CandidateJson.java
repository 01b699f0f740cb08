package io.brainstem.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.brainstem.application.port.in.InterestingItem;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.Evidence;
import io.brainstem.domain.candidate.Recollection;
import java.util.List;
import java.util.Map;

/** How a candidate looks on the wire. */
record CandidateJson(String candidateId, String tenantId, String candidateType, String title,
        Map<String, Double> scoreBreakdown, double scoreTotal, String decisionBand, String explanation,
        EvidenceJson evidence, String createdAt, String updatedAt, String whyItMatters,
        List<MemoryMatchJson> memoryMatches, boolean suppressed, String suppressedBy, String reviewReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FacetJson> facets) {

    /** A promoted incident the candidate matches (ADR 20). */
    record MemoryMatchJson(String incidentMemoryId, String title, String promotedAt, String why) {
        static List<MemoryMatchJson> of(Recollection r) {
            return r.incidents().stream().map(m -> new MemoryMatchJson(m.incidentId(), m.title(),
                    m.promotedAt().toString(), m.why())).toList();
        }
    }

    /** Another candidate of the same fault, shown with the item it belongs to. */
    record FacetJson(String candidateId, String candidateType, String title, double scoreTotal, String decisionBand) {
        static FacetJson from(Candidate c) {
            return new FacetJson(c.id().value(), c.type().wireName(), c.title(), c.scoreTotal(),
                    c.decisionBand().wireName());
        }
    }

    record EvidenceJson(long eventCount, List<String> signatureIds, List<String> hosts, String firstSeen,
            String lastSeen, List<Long> sampleEventIds, Map<String, Double> measures, String subject) {
        static EvidenceJson from(Evidence e) {
            return new EvidenceJson(e.eventCount(), e.signatureIds(), e.hosts(), e.firstSeen().toString(),
                    e.lastSeen().toString(), e.sampleEventIds(), e.measures(), e.subject());
        }
    }

    static CandidateJson from(Candidate c, String whyItMatters) {
        return from(c, whyItMatters, null);
    }

    private static CandidateJson from(Candidate c, String whyItMatters, List<FacetJson> facets) {
        return new CandidateJson(c.id().value(), c.tenantId().value(), c.type().wireName(), c.title(),
                c.breakdown().asMap(), c.scoreTotal(), c.decisionBand().wireName(), c.explanation(),
                EvidenceJson.from(c.evidence()), c.createdAt().toString(), c.updatedAt().toString(), whyItMatters,
                MemoryMatchJson.of(c.recollection()), c.suppressed(), c.recollection().suppressedBy(),
                c.recollection().reason(), facets);
    }

    /** An interesting item: the candidate with the other candidates of its fault as {@code facets}. */
    static CandidateJson from(InterestingItem item) {
        return from(item.candidate(), item.whyItMatters(), item.facets().stream().map(FacetJson::from).toList());
    }
}
