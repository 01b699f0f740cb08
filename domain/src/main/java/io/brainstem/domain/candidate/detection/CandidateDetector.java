package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.candidate.Evidence;
import io.brainstem.domain.candidate.ScoreBreakdown;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.shared.DomainViolation;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.event.Severity;
import java.time.Instant;
import java.util.List;

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
 * <p>Per event the common case (a template without state words, a signature already recurring) costs a table
 * look-up and a few comparisons: each signature's template is analysed once and again only when it changes
 * ({@link SignatureState}), and a {@code recurrence} candidate is reassessed only when a sighting changes it
 * materially ({@link RecurrenceRule}).
 *
 * <p>One detector per tenant (the first event binds it); not thread-safe, the caller serializes. Memory is
 * bounded: each internal table (per-signature samples, per-signature rates, open failures by subject and by
 * alert id, flap subjects, and the self-heal, flapping and burst patterns, plus hosts per self-heal pair, state
 * events per signature and host, companion counts and recoveries per failure signature) holds at most
 * {@link DetectionSettings#maxTrackedKeys()} keys (4096 by default) and evicts the least recently used; each entry is
 * bounded too (10 sample ids, 32 hosts, 8 signature ids, 21 states, 64 recent recovery durations, 9 days of counts). An
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

    private final LruMap<String, SignatureState> signatures;
    private final RecurrenceRule recurrence;
    private final SelfHealRule selfHeal;
    private final FlappingRule flapping;
    private final BurstRule burst;
    private final LearnedPairs learned;
    private TenantId tenant;
    /** The earliest event or signature sighting seen: when the tenant's history starts, as far as detection knows. */
    private Instant tenantSince;

    public CandidateDetector() {
        this(DetectionSettings.defaults());
    }

    public CandidateDetector(DetectionSettings settings) {
        this(settings, true);
    }

    /**
     * @param throttleRecurrence false to reassess a {@code recurrence} candidate on every sighting (as before the
     *                           rule in {@link RecurrenceRule} existed; for tests that compare outputs)
     */
    CandidateDetector(DetectionSettings settings, boolean throttleRecurrence) {
        DomainViolation.requirePresent(settings, "detection settings");
        this.signatures = new LruMap<>(settings.maxTrackedKeys());
        this.recurrence = new RecurrenceRule(throttleRecurrence, settings.burstFactor());
        this.selfHeal = new SelfHealRule(settings);
        this.flapping = new FlappingRule(settings);
        this.burst = new BurstRule(settings);
        this.learned = new LearnedPairs(settings.maxTrackedKeys());
    }

    /**
     * Observes one new event.
     *
     * @param event     the event, of this detector's tenant
     * @param signature the event's signature, already updated with this event
     * @param threshold occurrences that make a signature a {@code recurrence} candidate, at least 1
     * @return the assessment of every candidate this event creates or changes, at most one per type (often none;
     *         a {@code recurrence} candidate is reassessed only when the sighting changes it materially, see
     *         {@link RecurrenceRule})
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
        String signatureId = event.signatureId().value();
        SignatureState state = signatures.get(signatureId);
        if (state == null) {
            state = new SignatureState(signatureId);
            signatures.put(signatureId, state);
        }
        String template = state.template(signature.template());
        EventRef ref = EventRef.of(event, effectiveSeverity(event.severity(), state));
        Instant first = signature.firstSeen().isBefore(event.observedAt()) ? signature.firstSeen() : event.observedAt();
        if (tenantSince == null || first.isBefore(tenantSince)) {
            tenantSince = first;
        }
        state.rhythm.observe(event.observedAt());
        state.daily.observe(event.observedAt());
        Assessment healed = null;
        Assessment flapped = null;
        StateSignal signal = StateSignal.read(event, template, state.reading());
        learned.observe(ref, signature, state.readsAsFailure(),
                state.reading() instanceof StateWords.Recovery);
        String recoversIt = learned.recoveryOf(signatureId);
        String itRecovers = learned.failureOf(signatureId);
        if (recoversIt != null && !(signal instanceof StateSignal.HealedInOneMessage)) {
            signal = StateSignal.learned(event, template, signatureId, Polarity.FAILURE);
        } else if (itRecovers != null && !(signal instanceof StateSignal.HealedInOneMessage)) {
            signal = StateSignal.learned(event, template, itRecovers, Polarity.RECOVERY);
        }
        if (signal instanceof StateSignal.Transition t) {
            state.noteEntities(t.thing().entities());
        }
        Assessment recurred = recurrence.observe(state, ref, signature, threshold, tenantSince);
        if (signal != null) {
            SelfHealRule.Outcome outcome = selfHeal.observe(ref, event.service(), template, signal);
            healed = outcome.assessment().orElse(null);
            flapped = flapping.observe(outcome.changes(), event.service()).orElse(null);
        }
        Assessment burst = this.burst.observe(state, ref, signature, tenantSince);
        List<Assessment> late = selfHeal.overdue(event.observedAt());
        List<Assessment> now = list(recurred, healed, flapped, burst);
        if (late.isEmpty()) {
            return now;
        }
        List<Assessment> all = new java.util.ArrayList<>(now);
        all.addAll(late);
        return List.copyOf(all);
    }

    /**
     * The severity detection counts for an event: its own, but at least {@code warning} when its template reads as a
     * failure (devices often log a failure at info or notice: {@code Failed password}, {@code neighbor Down}).
     */
    static Severity effectiveSeverity(Severity severity, SignatureState state) {
        if (state.readsAsFailure() && severity.ordinal() > Severity.WARNING.ordinal()) {
            return Severity.WARNING;
        }
        return severity;
    }

    /** The non-null ones, in order. */
    private static List<Assessment> list(Assessment a, Assessment b, Assessment c, Assessment d) {
        int n = (a != null ? 1 : 0) + (b != null ? 1 : 0) + (c != null ? 1 : 0) + (d != null ? 1 : 0);
        if (n == 0) {
            return List.of();
        }
        Assessment[] out = new Assessment[n];
        int i = 0;
        for (Assessment x : new Assessment[] {a, b, c, d}) {
            if (x != null) {
                out[i++] = x;
            }
        }
        return List.of(out);
    }

    /**
     * Keys held across all tables (at most twenty-one times {@link DetectionSettings#maxTrackedKeys()}); the
     * per-signature table counts twice, once for the recurrence samples and once for the burst rates it holds.
     */
    int trackedKeys() {
        return 2 * signatures.size() + selfHeal.trackedKeys() + flapping.trackedKeys() + burst.trackedKeys()
                + learned.trackedKeys();
    }
}
