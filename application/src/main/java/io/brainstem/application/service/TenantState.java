package io.brainstem.application.service;

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
import io.brainstem.domain.signature.TemplateMiners;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the ingest path keeps in memory for one tenant of one database: its template miner, a bounded
 * cache of its signatures, its candidates and its candidate detector. Rebuilt from storage when first
 * needed and after any failed transaction. Used only under the database's write lock.
 */
final class TenantState {

    /** How many recent events warm a fresh candidate detector after a restart. */
    static final int WARM_UP_EVENTS = 5_000;

    private final TenantId tenant;
    private final TemplateMiner miner;
    private final Map<SignatureId, Signature> signatures;
    private final Map<CandidateId, Candidate> candidates = new HashMap<>();
    private final CandidateDetector detector = new CandidateDetector();
    /** True when every stored candidate of the tenant is in memory, so a miss means "new". */
    private boolean allCandidatesHeld;

    private TenantState(TenantId tenant, MinerSettings settings) {
        this.tenant = tenant;
        this.miner = TemplateMiners.create(tenant, settings);
        int cap = settings.maxSignatures();
        this.signatures = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SignatureId, Signature> eldest) {
                return size() > cap;
            }
        };
    }

    /** Loads a tenant's state from storage; call inside a unit of work. */
    static TenantState load(Storage storage, TenantId tenant, MinerSettings settings, int candidateLimit) {
        TenantState state = new TenantState(tenant, settings);
        List<Signature> stored = storage.signatures().findByTenant(tenant, settings.maxSignatures());
        // oldest first, so the most recently seen end up most recently used in the miner's LRU
        for (int i = stored.size() - 1; i >= 0; i--) {
            Signature s = stored.get(i);
            state.miner.restore(s.id(), s.template());
            state.signatures.put(s.id(), s);
        }
        List<Candidate> candidates = storage.candidates().findByTenant(tenant, candidateLimit);
        for (Candidate c : candidates) {
            state.candidates.put(c.id(), c);
        }
        state.allCandidatesHeld = candidates.size() < candidateLimit;
        for (CanonicalEvent e : storage.canonicalEvents().latest(tenant, WARM_UP_EVENTS)) {
            Signature s = state.signatures.get(e.signatureId());
            if (s != null) {
                state.detector.observe(e, s, Integer.MAX_VALUE);
            }
        }
        return state;
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
    }
}
