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
    private Recollection recollection;

    private Candidate(CandidateId id, TenantId tenantId, CandidateType type, String patternKey, String title,
            ScoreBreakdown breakdown, String explanation, Evidence evidence, Instant createdAt, Instant updatedAt,
            Recollection recollection) {
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
        this.recollection = recollection == null ? Recollection.NONE : recollection;
    }

    public static Candidate detect(TenantId tenantId, CandidateType type, String patternKey, String title,
            ScoreBreakdown breakdown, String explanation, Evidence evidence, Instant at) {
        return new Candidate(CandidateId.forPattern(tenantId.value(), type.wireName() + ":" + patternKey), tenantId,
                type, patternKey, title, breakdown, explanation, evidence, at, at, Recollection.NONE);
    }

    public static Candidate restore(CandidateId id, TenantId tenantId, CandidateType type, String patternKey,
            String title, ScoreBreakdown breakdown, String explanation, Evidence evidence, Instant createdAt,
            Instant updatedAt) {
        return restore(id, tenantId, type, patternKey, title, breakdown, explanation, evidence, createdAt, updatedAt,
                Recollection.NONE);
    }

    /**
     * Rebuilds a stored candidate; {@code detectorExplanation} is the detector's explanation without what memory
     * added (see {@link #detectorExplanation()}).
     */
    public static Candidate restore(CandidateId id, TenantId tenantId, CandidateType type, String patternKey,
            String title, ScoreBreakdown breakdown, String detectorExplanation, Evidence evidence, Instant createdAt,
            Instant updatedAt, Recollection recollection) {
        return new Candidate(id, tenantId, type, patternKey, title, breakdown, detectorExplanation, evidence,
                createdAt, updatedAt, recollection);
    }

    /**
     * Takes what operational memory now says about this pattern: its memory score, the incidents it matches and
     * whether a review keeps it out of the way. Replaces what memory said before.
     */
    public void recall(Recollection now) {
        this.recollection = DomainViolation.requirePresent(now, "recollection");
    }

    public Recollection recollection() {
        return recollection;
    }

    /** True when a person's judgement keeps it out of {@code /interesting} and the digest for now. */
    public boolean suppressed() {
        return recollection.suppressed();
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
        return breakdown().total();
    }

    public DecisionBand decisionBand() {
        return DecisionBand.forScore(scoreTotal());
    }

    public CandidateId id() { return id; }
    public TenantId tenantId() { return tenantId; }
    public CandidateType type() { return type; }
    public String patternKey() { return patternKey; }
    public String title() { return title; }
    /** The detector's breakdown with memory's part. */
    public ScoreBreakdown breakdown() { return breakdown.withMemory(recollection.memory()); }

    /** The detector's explanation and what memory adds to it. */
    public String explanation() {
        return recollection.sentence().isEmpty() ? explanation : explanation + " " + recollection.sentence();
    }

    /** The detector's explanation alone (what storage keeps beside the recollection). */
    public String detectorExplanation() { return explanation; }
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
