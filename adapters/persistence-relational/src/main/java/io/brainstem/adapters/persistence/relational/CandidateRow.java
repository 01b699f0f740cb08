package io.brainstem.adapters.persistence.relational;

import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateId;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.Evidence;
import io.brainstem.domain.candidate.ScoreBreakdown;
import io.brainstem.domain.envelope.TenantId;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code candidates}; evidence, breakdown and recollection are JSON. {@code explanation} is the
 * detector's explanation alone (the recollection holds memory's sentence); {@code suppressed} is 1 when a review
 * keeps the candidate out of the way, a column of its own so that SQL can filter on it.
 */
public record CandidateRow(String id, String tenantId, String candidateType, String patternKey, String title,
        String scoreBreakdown, Double scoreTotal, String decisionBand, String explanation, String evidence,
        String createdAt, String updatedAt, String recollection, Integer suppressed) {

    /** The JSON shape of the evidence column. */
    public record EvidenceJson(long eventCount, List<String> signatureIds, List<String> hosts, String firstSeen,
            String lastSeen, List<Long> sampleEventIds, Map<String, Double> measures, String subject) {
    }

    public static CandidateRow from(Candidate c) {
        Evidence e = c.evidence();
        EvidenceJson ej = new EvidenceJson(e.eventCount(), e.signatureIds(), e.hosts(),
                SqlTimes.format(e.firstSeen()), SqlTimes.format(e.lastSeen()), e.sampleEventIds(), e.measures(),
                e.subject());
        return new CandidateRow(c.id().value(), c.tenantId().value(), c.type().wireName(), c.patternKey(), c.title(),
                JsonColumns.write(c.breakdown().asMap()), c.scoreTotal(), c.decisionBand().wireName(),
                c.detectorExplanation(), JsonColumns.write(ej), SqlTimes.format(c.createdAt()),
                SqlTimes.format(c.updatedAt()), MemoryJson.recollection(c.recollection()), c.suppressed() ? 1 : 0);
    }

    public Candidate toDomain() {
        EvidenceJson ej = JsonColumns.read(evidence, EvidenceJson.class);
        Evidence e = new Evidence(ej.eventCount(), ej.signatureIds(), ej.hosts(), SqlTimes.parse(ej.firstSeen()),
                SqlTimes.parse(ej.lastSeen()), ej.sampleEventIds(),
                ej.measures() == null ? Map.of() : ej.measures(), ej.subject());
        Map<String, Double> parts = JsonColumns.numbers(scoreBreakdown);
        return Candidate.restore(new CandidateId(id), TenantId.of(tenantId),
                CandidateType.fromWireName(candidateType).orElseThrow(), patternKey, title,
                ScoreBreakdown.fromMap(parts), explanation, e, SqlTimes.parse(createdAt), SqlTimes.parse(updatedAt),
                MemoryJson.recollection(recollection));
    }
}
