package io.brainstem.application.service;

import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.application.port.in.InterestingItem;
import io.brainstem.application.port.out.IngestTelemetry;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.UnitOfWork;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateId;
import io.brainstem.domain.candidate.Recollection;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.event.ParseOutcome;
import io.brainstem.domain.event.ParsedEvent;
import io.brainstem.domain.signature.EventFamilyClassifier;
import io.brainstem.domain.signature.MinerSettings;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import io.brainstem.domain.signature.TemplateMiner;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pipeline behind ingest and replay: canonicalize stored envelopes, mine their signatures,
 * re-evaluate candidates and write it all in the caller's transaction. Holds the per-tenant state of
 * every open database.
 */
final class IngestPipeline {

    static final int INTERESTING_IN_RESPONSE = 5;
    static final ParserInfo PIPELINE = new ParserInfo("brainstem-pipeline", "1");

    private final Canonicalizer canonicalizer;
    private final MinerSettings minerSettings;
    private final Function<TenantId, TemplateMiner> miners;
    private final Clock clock;
    private final IngestTelemetry telemetry;
    private final Map<Storage, Map<TenantId, TenantState>> states = new ConcurrentHashMap<>();
    private final Map<Storage, Long> stateEpochSeen = new ConcurrentHashMap<>();
    /** Per database and tenant, the claim count a cached state expects at the next write (ADR 28). */
    private final Map<Storage, Map<TenantId, Long>> claimsExpected = new ConcurrentHashMap<>();
    /** The tenants claimed by the write running on this thread. */
    private final ThreadLocal<java.util.Set<TenantId>> claimed = new ThreadLocal<>();

    /**
     * With the template miner of each tenant made by {@code miners} (tests script merges this way), reporting to
     * {@code telemetry}.
     */
    IngestPipeline(Canonicalizer canonicalizer, MinerSettings minerSettings,
            Function<TenantId, TemplateMiner> miners, Clock clock, IngestTelemetry telemetry) {
        this.canonicalizer = canonicalizer;
        this.minerSettings = minerSettings;
        this.miners = miners;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    Clock clock() {
        return clock;
    }

    IngestTelemetry telemetry() {
        return telemetry;
    }

    /**
     * Runs {@code work} in one write transaction of {@code storage}; when it fails, the in-memory state of
     * that database is dropped (it may have run ahead of what was rolled back) and rebuilt on next use.
     */
    <T> T inTransaction(Storage storage, Supplier<T> work) {
        return inTransactionAhead(storage, work).join();
    }

    /**
     * Like {@link #inTransaction}, but returns once the work has run; the commit may still be under way
     * ({@link UnitOfWork#writeAhead}). {@code work} may run twice, so it must start from its inputs.
     */
    <T> UnitOfWork.Commit<T> inTransactionAhead(Storage storage, Supplier<T> work) {
        UnitOfWork.Commit<T> commit;
        try {
            commit = storage.unitOfWork().writeAhead(() -> {
                long epoch = storage.unitOfWork().stateEpoch();
                Long seen = stateEpochSeen.put(storage, epoch);
                if (seen != null && seen != epoch) {
                    invalidate(storage);
                    claimsExpected.remove(storage);
                }
                if (claimed.get() != null) {
                    return work.get(); // a write inside a write: the outer one's claims hold
                }
                claimed.set(new java.util.HashSet<>());
                try {
                    return work.get();
                } finally {
                    claimed.remove();
                }
            });
        } catch (RuntimeException e) {
            invalidate(storage);
            throw e;
        }
        return () -> {
            try {
                return commit.join();
            } catch (RuntimeException e) {
                invalidate(storage);
                throw e;
            }
        };
    }

    /**
     * Canonicalizes one envelope's content; pure, so callers may do it before the transaction and in
     * parallel. Even an unexpected parser exception becomes {@code parse_failed}, never a lost envelope.
     */
    ParseOutcome canonicalize(io.brainstem.domain.envelope.EnvelopeContent content, Instant receivedAt) {
        try {
            return canonicalizer.canonicalize(content, receivedAt);
        } catch (RuntimeException e) {
            return new ParseOutcome.Failed("internal parser error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), PIPELINE);
        }
    }

    /** Starts the work of one request; call inside {@link #inTransaction}. */
    Batch batch(Storage storage, int threshold) {
        return new Batch(storage, threshold);
    }

    /** Forgets everything of a database the catalog closed (its next open is a new instance). */
    void forget(Storage storage) {
        invalidate(storage);
        stateEpochSeen.remove(storage);
        claimsExpected.remove(storage);
    }

    /** Forgets cached state of a database, e.g. after it was changed by another process. */
    void invalidate(Storage storage) {
        Map<TenantId, TenantState> dropped = states.remove(storage);
        if (dropped != null) {
            dropped.values().forEach(TenantState::release);
        }
    }

    /**
     * The tenant's state, loaded on first use; call inside a write. The first call of a write claims the tenant
     * ({@link UnitOfWork#claimTenant}): when another writer wrote it since this process last did, or this
     * process's last write of it rolled back, the cached state is dropped and loaded again from storage.
     */
    TenantState state(Storage storage, TenantId tenant) {
        java.util.Set<TenantId> inThisWrite = claimed.get();
        if (inThisWrite != null && inThisWrite.add(tenant)) {
            long before = storage.unitOfWork().claimTenant(tenant);
            if (before >= 0) {
                Map<TenantId, Long> expected = claimsExpected.computeIfAbsent(storage, s -> new ConcurrentHashMap<>());
                Long mine = expected.put(tenant, before + 1);
                if (mine == null || mine != before) {
                    Map<TenantId, TenantState> cached = states.get(storage);
                    TenantState stale = cached == null ? null : cached.remove(tenant);
                    if (stale != null) {
                        stale.release(); // its signatures and candidates leave the gauges until it is loaded again
                    }
                }
            }
        }
        Map<TenantId, TenantState> perTenant = states.computeIfAbsent(storage, s -> new ConcurrentHashMap<>());
        TenantState state = perTenant.computeIfAbsent(tenant, t -> TenantState.load(storage, t, minerSettings,
                minerSettings.maxSignatures(), miners, telemetry));
        if (states.get(storage) != perTenant) {
            state.release(); // dropped meanwhile (a commit failed): this work may finish with it, but it no longer counts
        }
        return state;
    }

    /** The work of one request: process envelopes one by one, then {@link #flush} once. */
    final class Batch {
        private final Storage storage;
        private final int threshold;
        private final Instant now;
        private final List<CanonicalEvent> events = new ArrayList<>();
        private final Map<io.brainstem.domain.signature.SignatureId, Signature> touchedSignatures = new LinkedHashMap<>();
        private final Map<CandidateId, Candidate> touchedCandidates = new LinkedHashMap<>();
        private int parseFailed;
        private int unsupported;
        private int signaturesCreated;
        private int candidatesCreated;
        /** Per processed envelope id: its signature and the candidates it updated (null when not canonicalized). */
        private final Map<Long, IngestEventsUseCase.EventOutcome> outcomes = new java.util.HashMap<>();

        Batch(Storage storage, int threshold) {
            this.storage = storage;
            this.threshold = threshold;
            this.now = clock.instant();
        }

        /**
         * Processes a freshly received envelope (it has no canonical event yet) with the outcome its
         * content was canonicalized to before the transaction began.
         */
        void process(RawEnvelope envelope, ParseOutcome outcome) {
            apply(envelope, outcome);
        }

        /** Processes a stored envelope again: an event it had before is replaced, its occurrence retracted. */
        void reprocess(RawEnvelope envelope) {
            storage.canonicalEvents().findById(envelope.id()).ifPresent(this::retract);
            processOutcome(envelope);
        }

        private void processOutcome(RawEnvelope envelope) {
            apply(envelope, canonicalize(envelope.content(), envelope.receivedAt()));
        }

        private void apply(RawEnvelope envelope, ParseOutcome outcome) {
            switch (outcome) {
                case ParseOutcome.Parsed parsed -> accept(envelope, parsed);
                case ParseOutcome.Failed failed -> {
                    envelope.markParseFailed(failed.reason(), failed.parser(), now);
                    parseFailed++;
                }
                case ParseOutcome.Unsupported u -> {
                    envelope.markUnsupported(u.reason(), u.parser(), now);
                    unsupported++;
                }
            }
        }

        /** A replayed envelope had an event before: its occurrence no longer counts for the old signature. */
        private void retract(CanonicalEvent previous) {
            TenantState state = state(storage, previous.tenantId());
            // an id merged into another since counts for its survivor (ADR 16)
            live(state, previous.signatureId()).ifPresent(s -> {
                s.retractOccurrence();
                state.remember(s);
                touchedSignatures.put(s.id(), s);
            });
        }

        private void accept(RawEnvelope envelope, ParseOutcome.Parsed parsed) {
            ParsedEvent p = parsed.event();
            TenantState state = state(storage, envelope.tenantId());
            TemplateMiner.Match match = state.miner().add(p.message());
            Signature signature = signatureFor(state, match, p);
            CanonicalEvent event = CanonicalEvent.from(envelope.id(), envelope.tenantId(),
                    envelope.content().sourceType(), envelope.content().sourceId(), envelope.content().sourcePath(),
                    p, signature.id(), signature.eventFamily(), parsed.parser(), now);
            events.add(event);
            envelope.markCanonicalized(parsed.parser(), now);
            List<String> candidateIds = List.of();
            for (Assessment a : state.detector().observe(event, signature, threshold)) {
                if (candidateIds.isEmpty()) {
                    candidateIds = new ArrayList<>(2);
                }
                candidateIds.add(upsertCandidate(state, a).id().value());
            }
            outcomes.put(envelope.id().value(), new IngestEventsUseCase.EventOutcome(envelope.id().value(),
                    signature.id().value(), candidateIds));
        }

        /** The live signature {@code id} stands for: this batch's copy, the cache's, or storage's. */
        private Optional<Signature> live(TenantState state, SignatureId id) {
            SignatureId live = state.resolve(storage, id);
            Signature touched = touchedSignatures.get(live);
            if (touched != null) {
                return Optional.of(touched);
            }
            return state.cachedSignature(live).or(() -> storage.signatures().findById(state.tenant(), live));
        }

        private Signature signatureFor(TenantState state, TemplateMiner.Match match, ParsedEvent p) {
            Optional<Signature> known = state.cachedSignature(match.signatureId());
            if (known.isEmpty() && !match.created()) {
                known = live(state, match.signatureId());
            }
            Signature signature;
            if (known.isPresent()) {
                signature = known.get();
                signature.recordOccurrence(match.template(), p.observedAt(now), p.host(), p.service());
            } else {
                signaturesCreated++;
                state.signaturesChanged(1);
                signature = Signature.first(match.signatureId(), state.tenant(), match.template(), p.message(),
                        p.observedAt(now), p.host(), p.service(), EventFamilyClassifier.classify(match.template(),
                                p.service()));
            }
            for (SignatureId absorbed : match.absorbed()) {
                absorb(state, signature, absorbed);
            }
            state.remember(signature);
            touchedSignatures.put(signature.id(), signature);
            return signature;
        }

        /**
         * The miner merged {@code absorbedId} into {@code survivor}: its counts move over, its id becomes an alias,
         * and it is no longer saved as a signature. Idempotent: an id that already resolves to the survivor is left.
         */
        private void absorb(TenantState state, Signature survivor, SignatureId absorbedId) {
            SignatureId root = state.resolve(storage, absorbedId);
            if (root.equals(survivor.id())) {
                return;
            }
            live(state, root).filter(s -> s.id().equals(root)).ifPresent(absorbed -> {
                survivor.absorb(absorbed);
                state.signaturesChanged(-1);
            });
            storage.signatures().recordMerge(state.tenant(), root, survivor.id());
            state.aliased(root, survivor.id());
            touchedSignatures.remove(root);
        }

        private Candidate upsertCandidate(TenantState state, Assessment a) {
            CandidateId id = CandidateId.forPattern(state.tenant().value(), a.type().wireName() + ":" + a.patternKey());
            Optional<Candidate> existing = state.candidate(id);
            if (existing.isEmpty() && !state.holdsAllCandidates()) {
                existing = storage.candidates().findById(id);
            }
            Candidate candidate;
            if (existing.isPresent()) {
                candidate = existing.get();
                candidate.reassess(a.title(), a.breakdown(), a.explanation(), a.evidence(), now);
            } else {
                candidate = Candidate.detect(state.tenant(), a.type(), a.patternKey(), a.title(), a.breakdown(),
                        a.explanation(), a.evidence(), now);
                candidatesCreated++;
            }
            MemoryIndex memory = state.memory();
            if (!memory.isEmpty() || !candidate.recollection().equals(Recollection.NONE)) {
                candidate.recall(memory.recall(candidate, sid -> live(state, sid)));
            }
            state.remember(candidate);
            touchedCandidates.put(candidate.id(), candidate);
            return candidate;
        }

        java.util.Set<String> touchedSignatureIds() {
            java.util.Set<String> ids = new java.util.HashSet<>();
            touchedSignatures.keySet().forEach(id -> ids.add(id.value()));
            return ids;
        }

        java.util.Set<String> touchedCandidateIds() {
            java.util.Set<String> ids = new java.util.HashSet<>();
            touchedCandidates.keySet().forEach(id -> ids.add(id.value()));
            return ids;
        }

        IngestEventsUseCase.IngestResult flush(List<RawEnvelope> envelopes) {
            storage.rawEnvelopes().saveOutcomes(envelopes);
            storage.canonicalEvents().saveAll(events);
            storage.signatures().saveAll(touchedSignatures.values());
            storage.candidates().saveAll(touchedCandidates.values());
            List<InterestingItem> interesting = InterestingItems.fold(touchedCandidates.values().stream()
                    .filter(c -> !c.suppressed()).sorted(Comparator.comparingDouble(Candidate::scoreTotal).reversed()).toList(),
                    INTERESTING_IN_RESPONSE);
            String tenant = envelopes.isEmpty() ? null : envelopes.getFirst().tenantId().value();
            List<IngestEventsUseCase.EventOutcome> perEvent = new ArrayList<>(envelopes.size());
            for (RawEnvelope e : envelopes) {
                IngestEventsUseCase.EventOutcome o = outcomes.get(e.id().value());
                perEvent.add(o != null ? o : new IngestEventsUseCase.EventOutcome(e.id().value(), null, List.of()));
            }
            return new IngestEventsUseCase.IngestResult(tenant, envelopes.size(), touchedSignatures.size(),
                    touchedCandidates.size(), parseFailed, unsupported, interesting, signaturesCreated,
                    candidatesCreated, perEvent);
        }
    }
}
