package io.brainstem.application.service;

import io.brainstem.application.port.out.Storage;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateId;
import io.brainstem.domain.candidate.Recollection;
import io.brainstem.domain.candidate.Recollection.IncidentMatch;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.memory.CandidateSnapshot;
import io.brainstem.domain.memory.Incident;
import io.brainstem.domain.memory.MemoryRecall;
import io.brainstem.domain.memory.MemoryRecall.Judgement;
import io.brainstem.domain.memory.Review;
import io.brainstem.domain.memory.SubjectType;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One tenant's operational memory as the ingest path needs it: its promoted incidents and the latest review of
 * each candidate and signature, so that every candidate update can say what memory knows (ADR 20) without a
 * query. Part of {@link TenantState}: used under the database's write lock, rebuilt with it.
 */
final class MemoryIndex {

    /** Incidents and reviews loaded per tenant; older ones are still found by search and related history. */
    static final int MAX_INCIDENTS = 10_000;
    static final int MAX_REVIEWS = 100_000;
    private static final int MAX_CACHED_MATCHES = 50_000;

    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final Map<String, Review> latestByCandidate = new HashMap<>();
    private final Map<String, Review> latestBySignature = new HashMap<>();
    /** The incident matches of a candidate, valid while the incidents and its signatures stay the same. */
    private final Map<CandidateId, CachedMatches> matches = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CandidateId, CachedMatches> eldest) {
            return size() > MAX_CACHED_MATCHES;
        }
    };
    private long generation;

    private record CachedMatches(long generation, List<String> signatureIds, List<IncidentMatch> matches) {
    }

    static MemoryIndex load(Storage storage, TenantId tenant) {
        MemoryIndex index = new MemoryIndex();
        List<Incident> stored = storage.incidents().findByTenant(tenant, MAX_INCIDENTS);
        for (int i = stored.size() - 1; i >= 0; i--) {
            index.add(stored.get(i));
        }
        List<Review> reviews = storage.reviews().findByTenant(tenant, MAX_REVIEWS);
        for (int i = reviews.size() - 1; i >= 0; i--) {
            index.add(reviews.get(i));
        }
        return index;
    }

    void add(Incident incident) {
        incidents.put(incident.id().value(), incident);
        generation++;
    }

    /** Takes a review; reviews arrive oldest first, so the last one of a subject is its latest. */
    void add(Review review) {
        if (review.subjectType() == SubjectType.CANDIDATE) {
            latestByCandidate.put(review.subjectId(), review);
        } else if (review.subjectType() == SubjectType.SIGNATURE) {
            latestBySignature.put(review.subjectId(), review);
        }
    }

    boolean isEmpty() {
        return incidents.isEmpty() && latestByCandidate.isEmpty() && latestBySignature.isEmpty();
    }

    /**
     * What memory says about {@code candidate} now. {@code signatures} finds a signature of the tenant by id (for
     * templates, and for the state of a reviewed signature).
     */
    Recollection recall(Candidate candidate, Function<SignatureId, Optional<Signature>> signatures) {
        if (isEmpty()) {
            return Recollection.NONE;
        }
        List<String> signatureIds = candidate.evidence().signatureIds();
        CachedMatches cached = matches.get(candidate.id());
        if (cached == null || cached.generation() != generation || !cached.signatureIds().equals(signatureIds)) {
            List<String> templates = new ArrayList<>();
            for (String id : signatureIds) {
                signatures.apply(new SignatureId(id)).ifPresent(s -> templates.add(s.template()));
            }
            cached = new CachedMatches(generation, signatureIds,
                    MemoryRecall.matches(candidate, templates, incidents.values()));
            matches.put(candidate.id(), cached);
        }
        return MemoryRecall.recall(candidate, cached.matches(), incidents, judgement(candidate, signatures));
    }

    /** The latest review of the candidate, else the latest of one of its signatures. */
    private Optional<Judgement> judgement(Candidate candidate, Function<SignatureId, Optional<Signature>> signatures) {
        Review own = latestByCandidate.get(candidate.id().value());
        if (own != null) {
            return Optional.of(new Judgement(own, CandidateSnapshot.of(candidate)));
        }
        Review latest = null;
        for (String id : candidate.evidence().signatureIds()) {
            Review r = latestBySignature.get(id);
            if (r != null && (latest == null || r.recordedAt().isAfter(latest.recordedAt()))) {
                latest = r;
            }
        }
        if (latest == null) {
            return Optional.empty();
        }
        Review review = latest;
        return signatures.apply(new SignatureId(review.subjectId()))
                .map(s -> new Judgement(review, snapshot(s)));
    }

    /** How a signature looks, as a snapshot (severity unknown: a signature has none). */
    static CandidateSnapshot snapshot(Signature s) {
        return new CandidateSnapshot(s.occurrenceCount(), s.firstSeen(), s.lastSeen(), List.copyOf(s.hosts()), -1,
                0);
    }
}
