package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.candidate.Evidence;
import io.brainstem.domain.candidate.ScoreBreakdown;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.shared.DomainViolation;
import io.brainstem.domain.signature.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds candidates in one tenant's stream of canonical events: {@code recurrence}, {@code self_heal},
 * {@code flapping} and {@code burst} (the rules are on {@link RecurrenceRule}, {@link SelfHealRule},
 * {@link FlappingRule}, {@link BurstRule} and in {@code docs/candidates.md}).
 *
 * <p>Call {@link #observe} once per new event, in arrival order, after the event's signature has counted it.
 * The detector looks only at event data (timestamps, hosts, services, severities, templates, messages, structured
 * fields), never at the clock, so the same sequence of events gives the same assessments: after a restart, warm a
 * fresh detector by observing recent events in order and ignoring what it returns.
 *
 * <p>One detector per tenant (the first event binds it); not thread-safe, the caller serializes. Memory is
 * bounded: each internal table (per-signature samples, per-signature rates, open failures by subject and by
 * alert id, flap subjects, and the self-heal, flapping and burst patterns, plus hosts per self-heal pair) holds at
 * most {@link DetectionSettings#maxTrackedKeys()} keys (4096 by default) and evicts the least recently used; each
 * entry is bounded too (10 sample ids, 32 hosts, 8 signature ids, 21 states, 64 recent recovery durations). An
 * evicted pattern starts counting afresh when it comes back.
 */
public final class CandidateDetector {

    /**
     * What the detector concludes about one pattern after one event. The caller upserts it: the candidate is
     * {@code Candidate.detect(tenant, type, patternKey, ...)} the first time and {@code reassess(...)} after; one
     * pattern key of one type is always the same candidate.
     *
     * @param patternKey {@code recurrence:<signatureId>}, {@code burst:<signatureId>}, or for {@code self_heal}
     *                   and {@code flapping} {@code <failureSigId>|<recoverySigId>|<host>|<service>}
     */
    public record Assessment(CandidateType type, String patternKey, String title, ScoreBreakdown breakdown,
            String explanation, Evidence evidence) {

        public Assessment {
            DomainViolation.requirePresent(type, "candidate_type");
            DomainViolation.requireText(patternKey, "pattern key");
            DomainViolation.requireText(title, "title");
            DomainViolation.requirePresent(breakdown, "score_breakdown");
            DomainViolation.requireText(explanation, "explanation");
            DomainViolation.requirePresent(evidence, "evidence");
        }

        public double scoreTotal() {
            return breakdown.total();
        }

        public DecisionBand decisionBand() {
            return DecisionBand.forScore(scoreTotal());
        }
    }

    private final RecurrenceRule recurrence;
    private final SelfHealRule selfHeal;
    private final FlappingRule flapping;
    private final BurstRule burst;
    private TenantId tenant;

    public CandidateDetector() {
        this(DetectionSettings.defaults());
    }

    public CandidateDetector(DetectionSettings settings) {
        DomainViolation.requirePresent(settings, "detection settings");
        this.recurrence = new RecurrenceRule(settings);
        this.selfHeal = new SelfHealRule(settings);
        this.flapping = new FlappingRule(settings);
        this.burst = new BurstRule(settings);
    }

    /**
     * Observes one new event.
     *
     * @param event     the event, of this detector's tenant
     * @param signature the event's signature, already updated with this event
     * @param threshold occurrences that make a signature a {@code recurrence} candidate, at least 1
     * @return the assessment of every candidate this event creates or changes, at most one per type (often none)
     */
    public List<Assessment> observe(CanonicalEvent event, Signature signature, int threshold) {
        DomainViolation.requirePresent(event, "event");
        DomainViolation.requirePresent(signature, "signature");
        if (threshold < 1) {
            throw new DomainViolation("recurrence threshold must be at least 1, was " + threshold);
        }
        if (!signature.id().equals(event.signatureId())) {
            throw new DomainViolation("event " + event.id().value() + " belongs to " + event.signatureId()
                    + ", not to " + signature.id());
        }
        if (tenant == null) {
            tenant = event.tenantId();
        } else if (!tenant.equals(event.tenantId())) {
            throw new DomainViolation("this detector serves tenant " + tenant + ", not " + event.tenantId());
        }
        EventRef ref = EventRef.of(event);
        List<Assessment> out = new ArrayList<>(3);
        recurrence.observe(ref, signature, threshold).ifPresent(out::add);
        Optional<StateSignal> signal = StateSignal.read(event, signature);
        if (signal.isPresent()) {
            SelfHealRule.Outcome healed = selfHeal.observe(ref, event.service(), signature.template(), signal.get());
            healed.assessment().ifPresent(out::add);
            flapping.observe(healed.changes(), event.service()).ifPresent(out::add);
        }
        burst.observe(ref, signature).ifPresent(out::add);
        return List.copyOf(out);
    }

    /** Keys held across all tables (at most nine times {@link DetectionSettings#maxTrackedKeys()}). */
    int trackedKeys() {
        return recurrence.trackedKeys() + selfHeal.trackedKeys() + flapping.trackedKeys() + burst.trackedKeys();
    }
}
