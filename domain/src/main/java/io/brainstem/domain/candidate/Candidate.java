package io.brainstem.domain.candidate;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.shared.DomainViolation;
import java.time.Instant;
import java.util.Objects;

/**
 * A pattern worth a person's attention. One pattern (its {@code patternKey}) is one candidate, updated as
 * evidence arrives; its id is derived from the key, so it never duplicates.
 */
public final class Candidate {

    private final CandidateId id;
    private final TenantId tenantId;
    private final CandidateType type;
    private final String patternKey;
    private String title;
    private ScoreBreakdown breakdown;
    private String explanation;
    private Evidence evidence;
    private final Instant createdAt;
    private Instant updatedAt;

    private Candidate(CandidateId id, TenantId tenantId, CandidateType type, String patternKey, String title,
            ScoreBreakdown breakdown, String explanation, Evidence evidence, Instant createdAt, Instant updatedAt) {
        this.id = DomainViolation.requirePresent(id, "candidate_id");
        this.tenantId = DomainViolation.requirePresent(tenantId, "tenant_id");
        this.type = DomainViolation.requirePresent(type, "candidate_type");
        this.patternKey = DomainViolation.requireText(patternKey, "pattern key");
        this.title = DomainViolation.requireText(title, "title");
        this.breakdown = DomainViolation.requirePresent(breakdown, "score_breakdown");
        this.explanation = DomainViolation.requireText(explanation, "explanation");
        this.evidence = DomainViolation.requirePresent(evidence, "evidence");
        this.createdAt = DomainViolation.requirePresent(createdAt, "created_at");
        this.updatedAt = DomainViolation.requirePresent(updatedAt, "updated_at");
    }

    public static Candidate detect(TenantId tenantId, CandidateType type, String patternKey, String title,
            ScoreBreakdown breakdown, String explanation, Evidence evidence, Instant at) {
        return new Candidate(CandidateId.forPattern(tenantId.value(), type.wireName() + ":" + patternKey), tenantId,
                type, patternKey, title, breakdown, explanation, evidence, at, at);
    }

    public static Candidate restore(CandidateId id, TenantId tenantId, CandidateType type, String patternKey,
            String title, ScoreBreakdown breakdown, String explanation, Evidence evidence, Instant createdAt,
            Instant updatedAt) {
        return new Candidate(id, tenantId, type, patternKey, title, breakdown, explanation, evidence, createdAt,
                updatedAt);
    }

    /** Replaces the assessment with a newer one of the same pattern. */
    public void reassess(String newTitle, ScoreBreakdown newBreakdown, String newExplanation, Evidence newEvidence,
            Instant at) {
        this.title = DomainViolation.requireText(newTitle, "title");
        this.breakdown = DomainViolation.requirePresent(newBreakdown, "score_breakdown");
        this.explanation = DomainViolation.requireText(newExplanation, "explanation");
        this.evidence = DomainViolation.requirePresent(newEvidence, "evidence");
        this.updatedAt = DomainViolation.requirePresent(at, "updated_at");
    }

    public double scoreTotal() {
        return breakdown.total();
    }

    public DecisionBand decisionBand() {
        return DecisionBand.forScore(scoreTotal());
    }

    public CandidateId id() { return id; }
    public TenantId tenantId() { return tenantId; }
    public CandidateType type() { return type; }
    public String patternKey() { return patternKey; }
    public String title() { return title; }
    public ScoreBreakdown breakdown() { return breakdown; }
    public String explanation() { return explanation; }
    public Evidence evidence() { return evidence; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Candidate other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }
}
