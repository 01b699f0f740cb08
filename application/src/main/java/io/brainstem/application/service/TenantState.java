package io.brainstem.application.service;

import io.brainstem.application.port.out.IngestTelemetry;
import io.brainstem.application.port.out.Storage;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateId;
import io.brainstem.domain.candidate.detection.CandidateDetector;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.signature.MinerSettings;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import io.brainstem.domain.signature.TemplateMiner;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the ingest path keeps in memory for one tenant of one database: its template miner, a bounded
 * cache of its signatures and of the aliases of merged ones, its candidates and its candidate detector.
 * Rebuilt from storage when first needed and after any failed transaction. Used only under the database's
 * write lock.
 */
final class TenantState {

    /** How many recent events warm a fresh candidate detector after a restart. */
    static final int WARM_UP_EVENTS = 5_000;

    private final TenantId tenant;
    private final TemplateMiner miner;
    private final Map<SignatureId, Signature> signatures;
    /** Merged id → live survivor id, for ids merged or looked up lately; storage holds them all. */
    private final Map<SignatureId, SignatureId> aliases;
    private final Map<CandidateId, Candidate> candidates = new HashMap<>();
    private final CandidateDetector detector = new CandidateDetector();
    private MemoryIndex memory = new MemoryIndex();
    /** True when every stored candidate of the tenant is in memory, so a miss means "new". */
    private boolean allCandidatesHeld;
    private final HeldCounts counts;

    private TenantState(TenantId tenant, MinerSettings settings, TemplateMiner miner, IngestTelemetry telemetry) {
        this.tenant = tenant;
        this.miner = miner;
        this.counts = new HeldCounts(telemetry);
        this.signatures = bounded(settings.maxSignatures());
        this.aliases = bounded(settings.maxSignatures());
    }

    private static <V> Map<SignatureId, V> bounded(int cap) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SignatureId, V> eldest) {
                return size() > cap;
            }
        };
    }

    /**
     * Loads a tenant's state from storage; call inside a unit of work (a write: signatures the miner merges on
     * restore are merged in storage too, ADR 16).
     */
    static TenantState load(Storage storage, TenantId tenant, MinerSettings settings, int candidateLimit,
            Function<TenantId, TemplateMiner> miners, IngestTelemetry telemetry) {
        TenantState state = new TenantState(tenant, settings, miners.apply(tenant), telemetry);
        List<Signature> stored = storage.signatures().findByTenant(tenant, settings.maxSignatures());
        // oldest first, so the most recently seen end up most recently used in the miner's LRU
        for (int i = stored.size() - 1; i >= 0; i--) {
            Signature s = stored.get(i);
            SignatureId held = state.miner.restore(s.id(), s.template());
            if (held.equals(s.id())) {
                state.signatures.put(s.id(), s);
            } else {
                state.mergeRestored(storage, s, held);
            }
        }
        state.counts.signatures(state.signatures.size());
        List<Candidate> candidates = storage.candidates().findByTenant(tenant, candidateLimit);
        for (Candidate c : candidates) {
            state.remember(c);
        }
        state.allCandidatesHeld = candidates.size() < candidateLimit;
        state.memory = MemoryIndex.load(storage, tenant);
        for (CanonicalEvent e : storage.canonicalEvents().latest(tenant, WARM_UP_EVENTS)) {
            SignatureId live = state.resolve(storage, e.signatureId());
            Signature s = state.signatures.get(live);
            if (s != null) {
                state.detector.observe(live.equals(e.signatureId()) ? e : e.underSignature(live), s,
                        Integer.MAX_VALUE);
            }
        }
        return state;
    }

    /** The miner holds {@code restored} under {@code held} (equal templates): {@code restored} becomes an alias. */
    private void mergeRestored(Storage storage, Signature restored, SignatureId held) {
        Optional<Signature> survivor = Optional.ofNullable(signatures.get(held))
                .or(() -> storage.signatures().findById(tenant, held));
        if (survivor.isEmpty() || !survivor.get().id().equals(held)) {
            // not a signature we know: nothing to merge into; the next match under held starts it afresh
            signatures.put(restored.id(), restored);
            return;
        }
        Signature s = survivor.get();
        s.absorb(restored);
        storage.signatures().recordMerge(tenant, restored.id(), held);
        storage.signatures().saveAll(List.of(s));
        signatures.put(held, s);
        aliased(restored.id(), held);
    }

    TenantId tenant() {
        return tenant;
    }

    TemplateMiner miner() {
        return miner;
    }

    CandidateDetector detector() {
        return detector;
    }

    /** The signatures held in memory (at most {@code maxSignatures}, the live ones of the tenant). */
    java.util.Collection<Signature> heldSignatures() {
        return java.util.List.copyOf(signatures.values());
    }

    /** The tenant's incidents and latest reviews (ADR 20). */
    MemoryIndex memory() {
        return memory;
    }

    /** The live id {@code id} stands for: itself, or the survivor it was merged into. */
    SignatureId resolve(Storage storage, SignatureId id) {
        if (signatures.containsKey(id)) {
            return id;
        }
        SignatureId known = aliases.get(id);
        if (known != null) {
            return known;
        }
        SignatureId live = storage.signatures().resolve(tenant, id);
        if (!live.equals(id)) {
            aliases.put(id, live);
        }
        return live;
    }

    /** Remembers that {@code absorbed} (and whatever was an alias of it) now stands for {@code survivor}. */
    void aliased(SignatureId absorbed, SignatureId survivor) {
        signatures.remove(absorbed);
        aliases.replaceAll((alias, target) -> target.equals(absorbed) ? survivor : target);
        aliases.put(absorbed, survivor);
    }

    Optional<Signature> cachedSignature(SignatureId id) {
        return Optional.ofNullable(signatures.get(id));
    }

    void remember(Signature signature) {
        signatures.put(signature.id(), signature);
    }

    boolean holdsAllCandidates() {
        return allCandidatesHeld;
    }

    Optional<Candidate> candidate(CandidateId id) {
        return Optional.ofNullable(candidates.get(id));
    }

    void remember(Candidate candidate) {
        candidates.put(candidate.id(), candidate);
        counts.candidate(candidate);
    }

    /** A signature of this tenant was created (+1) or merged into another (-1). */
    void signaturesChanged(int delta) {
        counts.signatures(delta);
    }

    /** This state is dropped: what it holds no longer counts in the process's totals. */
    void release() {
        counts.release();
    }
}
