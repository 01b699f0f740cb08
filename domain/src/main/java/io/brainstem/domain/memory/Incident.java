package io.brainstem.domain.memory;

import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateId;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.shared.DomainViolation;
import io.brainstem.domain.shared.Text;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A promoted candidate in durable incident memory. It is a snapshot: the candidate's signatures and their
 * templates, hosts, time range, counts, score and sample messages as they were at promotion, so that it stays
 * meaningful after the raw events have expired and brainstem can recognise the pattern when it comes back.
 */
public final class Incident {

    public static final int MAX_TITLE_CHARS = 300;
    public static final int MAX_SUMMARY_CHARS = 8_000;
    public static final int MAX_SAMPLES = 10;
    public static final int MAX_SAMPLE_CHARS = 2_048;

    private final IncidentId id;
    private final TenantId tenantId;
    private final CandidateId candidateId;
    private final CandidateType candidateType;
    private final String title;
    private final String summary;
    private final String incidentType;
    private final List<String> signatureIds;
    private final List<String> templates;
    private final String subject;
    private final CandidateSnapshot atPromotion;
    private final DecisionBand bandAtPromotion;
    private final String explanationAtPromotion;
    private final List<String> sampleMessages;
    private final String promotedBy;
    private final Instant promotedAt;

    private Incident(IncidentId id, TenantId tenantId, CandidateId candidateId, CandidateType candidateType,
            String title, String summary, String incidentType, List<String> signatureIds, List<String> templates,
            String subject, CandidateSnapshot atPromotion, DecisionBand bandAtPromotion,
            String explanationAtPromotion, List<String> sampleMessages, String promotedBy, Instant promotedAt) {
        this.id = DomainViolation.requirePresent(id, "incident_memory_id");
        this.tenantId = DomainViolation.requirePresent(tenantId, "tenant_id");
        this.candidateId = DomainViolation.requirePresent(candidateId, "candidate_id");
        this.candidateType = DomainViolation.requirePresent(candidateType, "candidate_type");
        this.title = Text.truncate(DomainViolation.requireText(title, "title").strip(), MAX_TITLE_CHARS);
        this.summary = summary == null ? "" : Text.truncate(summary.strip(), MAX_SUMMARY_CHARS);
        this.incidentType = incidentType == null || incidentType.isBlank() ? candidateType.wireName()
                : incidentType.strip();
        this.signatureIds = List.copyOf(signatureIds);
        this.templates = List.copyOf(templates);
        this.subject = Text.blankToNull(subject);
        this.atPromotion = DomainViolation.requirePresent(atPromotion, "snapshot");
        this.bandAtPromotion = DomainViolation.requirePresent(bandAtPromotion, "decision_band");
        this.explanationAtPromotion = explanationAtPromotion == null ? "" : explanationAtPromotion;
        this.sampleMessages = sampleMessages.stream().limit(MAX_SAMPLES)
                .map(m -> Text.truncate(m, MAX_SAMPLE_CHARS)).toList();
        this.promotedBy = Text.blankToNull(promotedBy);
        this.promotedAt = DomainViolation.requirePresent(promotedAt, "promoted_at");
    }

    /**
     * Promotes {@code candidate}: {@code templates} are its signatures' templates, {@code sampleMessages} a few
     * of its events' messages. A blank incident type becomes the candidate type.
     */
    public static Incident promote(Candidate candidate, String title, String summary, String incidentType,
            List<String> templates, List<String> sampleMessages, String promotedBy, Instant at) {
        return new Incident(IncidentId.forCandidate(candidate.id()), candidate.tenantId(), candidate.id(),
                candidate.type(), title, summary, incidentType, candidate.evidence().signatureIds(), templates,
                candidate.evidence().subject(), CandidateSnapshot.of(candidate), candidate.decisionBand(),
                candidate.explanation(), sampleMessages, promotedBy, at);
    }

    public static Incident restore(IncidentId id, TenantId tenantId, CandidateId candidateId,
            CandidateType candidateType, String title, String summary, String incidentType,
            List<String> signatureIds, List<String> templates, String subject, CandidateSnapshot atPromotion,
            DecisionBand bandAtPromotion, String explanationAtPromotion, List<String> sampleMessages,
            String promotedBy, Instant promotedAt) {
        return new Incident(id, tenantId, candidateId, candidateType, title, summary, incidentType, signatureIds,
                templates, subject, atPromotion, bandAtPromotion, explanationAtPromotion, sampleMessages, promotedBy,
                promotedAt);
    }

    /** The hosts it happened on at promotion. */
    public List<String> hosts() {
        return atPromotion.hosts();
    }

    public IncidentId id() { return id; }
    public TenantId tenantId() { return tenantId; }
    public CandidateId candidateId() { return candidateId; }
    public CandidateType candidateType() { return candidateType; }
    public String title() { return title; }
    public String summary() { return summary; }
    public String incidentType() { return incidentType; }
    public List<String> signatureIds() { return signatureIds; }
    public List<String> templates() { return templates; }
    public String subject() { return subject; }
    public CandidateSnapshot atPromotion() { return atPromotion; }
    public DecisionBand bandAtPromotion() { return bandAtPromotion; }
    public String explanationAtPromotion() { return explanationAtPromotion; }
    public List<String> sampleMessages() { return sampleMessages; }
    public String promotedBy() { return promotedBy; }
    public Instant promotedAt() { return promotedAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Incident other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }
}
