package io.brainstem.adapters.persistence.relational;

import io.brainstem.domain.candidate.CandidateId;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.memory.Incident;
import io.brainstem.domain.memory.IncidentId;

/** One row of {@code incidents}; lists and the snapshot are JSON. */
public record IncidentRow(String id, String tenantId, String candidateId, String candidateType, String title,
        String summary, String incidentType, String signatureIds, String templates, String subject, String snapshot,
        String bandAtPromotion, String explanationAtPromotion, String sampleMessages, String promotedBy,
        String promotedAt) {

    public static IncidentRow from(Incident i) {
        return new IncidentRow(i.id().value(), i.tenantId().value(), i.candidateId().value(),
                i.candidateType().wireName(), i.title(), i.summary(), i.incidentType(),
                JsonColumns.write(i.signatureIds()), JsonColumns.write(i.templates()), i.subject(),
                MemoryJson.snapshot(i.atPromotion()), i.bandAtPromotion().wireName(), i.explanationAtPromotion(),
                JsonColumns.write(i.sampleMessages()), i.promotedBy(), SqlTimes.format(i.promotedAt()));
    }

    public Incident toDomain() {
        return Incident.restore(new IncidentId(id), TenantId.of(tenantId), new CandidateId(candidateId),
                CandidateType.fromWireName(candidateType).orElseThrow(), title, summary, incidentType,
                JsonColumns.stringList(signatureIds), JsonColumns.stringList(templates), subject,
                MemoryJson.snapshot(snapshot), DecisionBand.fromWireName(bandAtPromotion).orElseThrow(),
                explanationAtPromotion, JsonColumns.stringList(sampleMessages), promotedBy,
                SqlTimes.parse(promotedAt));
    }
}
