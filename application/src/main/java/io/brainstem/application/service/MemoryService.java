package io.brainstem.application.service;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.InterestingItem;
import io.brainstem.application.port.in.InvalidRequestException;
import io.brainstem.application.port.in.MemoryQueries;
import io.brainstem.application.port.in.PromoteCandidateUseCase;
import io.brainstem.application.port.in.RecordReviewUseCase;
import io.brainstem.application.port.in.UnknownSubjectException;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateId;
import io.brainstem.domain.candidate.Recollection;
import io.brainstem.domain.candidate.detection.CandidateNarrative;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.memory.CandidateSnapshot;
import io.brainstem.domain.memory.Incident;
import io.brainstem.domain.memory.MemoryRecall;
import io.brainstem.domain.memory.IncidentId;
import io.brainstem.domain.memory.Review;
import io.brainstem.domain.memory.ReviewId;
import io.brainstem.domain.memory.SubjectType;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Operational memory (ADR 20): promotion into incident memory, reviews, and the read side that uses them —
 * search, explanation, related history and the daily digest. Writes share the ingest pipeline's per-tenant
 * state, so what memory says about a candidate changes in the same transaction as the incident or review.
 */
public final class MemoryService implements PromoteCandidateUseCase, RecordReviewUseCase, MemoryQueries {

    /** Candidates re-judged when an incident or review lands (the rest are on their next update). */
    static final int RECALL_SCAN = 2_000;
    static final int SAMPLE_MESSAGES = 5;
    static final Duration DIGEST_DEFAULT_PERIOD = Duration.ofHours(24);

    private final StorageCatalog catalog;
    private final IngestPipeline pipeline;
    private final SecureRandom random = new SecureRandom();
    private final RelatedHistory related = new RelatedHistory();

    public MemoryService(StorageCatalog catalog, IngestService ingest) {
        this.catalog = catalog;
        this.pipeline = ingest.pipeline();
    }

    // ---- commands

    @Override
    public Promotion promote(PromoteCommand command) {
        Storage storage = catalog.openExisting(command.database());
        CandidateId id = new CandidateId(command.candidateId().strip());
        return pipeline.inTransaction(storage, () -> {
            Candidate stored = storage.candidates().findById(id)
                    .orElseThrow(() -> new UnknownSubjectException("no candidate " + id));
            TenantState state = pipeline.state(storage, stored.tenantId());
            Candidate candidate = state.candidate(id).orElse(stored);
            Optional<Incident> existing = storage.incidents().findById(IncidentId.forCandidate(id));
            if (existing.isPresent()) {
                return new Promotion(existing.get(), false);
            }
            List<String> templates = new ArrayList<>();
            for (String sid : candidate.evidence().signatureIds()) {
                signature(storage, state, new SignatureId(sid)).ifPresent(s -> templates.add(s.template()));
            }
            Incident incident = Incident.promote(candidate, command.title(), command.summary(),
                    command.incidentType(), templates, sampleEvents(storage, candidate).stream().map(CanonicalEvent::message).toList(), command.promotedBy(),
                    pipeline.clock().instant());
            storage.incidents().save(incident);
            state.memory().add(incident);
            // judged again now: candidates sharing a signature or a host, and those whose template reads alike
            // wherever they are, so that a match on another host shows before its next event
            Set<String> related = new LinkedHashSet<>(incident.signatureIds());
            for (Signature s : state.heldSignatures()) {
                if (MemoryRecall.mayMatch(incident, s.template())) {
                    related.add(s.id().value());
                }
            }
            List<Candidate> affected = new ArrayList<>(List.of(candidate));
            affected.addAll(storage.candidates().findBySignaturesOrHosts(state.tenant(), related, incident.hosts(),
                    RECALL_SCAN));
            recall(storage, state, affected);
            return new Promotion(incident, true);
        });
    }

    @Override
    public Review record(ReviewCommand command) {
        Storage storage = catalog.openExisting(command.database());
        return pipeline.inTransaction(storage, () -> {
            Subject subject = subject(storage, command.subjectType(), command.subjectId().strip())
                    .filter(s -> command.tenantId().map(t -> t.equals(s.tenant().value())).orElse(true))
                    .orElseThrow(() -> new UnknownSubjectException("no " + command.subjectType().wireName() + " "
                            + command.subjectId().strip()
                            + command.tenantId().map(t -> " in tenant " + t).orElse("")));
            TenantState state = pipeline.state(storage, subject.tenant());
            Optional<CandidateSnapshot> snapshot = switch (command.subjectType()) {
                case CANDIDATE -> Optional.of(CandidateSnapshot.of(
                        state.candidate(new CandidateId(subject.id())).orElse(subject.candidate())));
                case SIGNATURE -> Optional.of(MemoryIndex.snapshot(subject.signature()));
                case EVENT, INCIDENT -> Optional.empty();
            };
            Review review = new Review(ReviewId.of(random.nextLong()), subject.tenant(), command.subjectType(),
                    subject.id(), command.decision(), command.notes(), command.reviewer(), pipeline.clock().instant(),
                    snapshot);
            storage.reviews().save(review);
            state.memory().add(review);
            switch (command.subjectType()) {
                case CANDIDATE -> recall(storage, state, List.of(subject.candidate()));
                case SIGNATURE -> recall(storage, state, storage.candidates().findBySignaturesOrHosts(
                        state.tenant(), List.of(subject.id()), List.of(), RECALL_SCAN));
                case EVENT, INCIDENT -> {
                }
            }
            return review;
        });
    }

    /** Re-judges candidates against the tenant's memory and saves those whose recollection changed. */
    private void recall(Storage storage, TenantState state, List<Candidate> candidates) {
        Map<CandidateId, Candidate> changed = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            Candidate live = state.candidate(c.id()).orElse(c);
            Recollection now = state.memory().recall(live, sid -> signature(storage, state, sid));
            if (!now.equals(live.recollection())) {
                live.recall(now);
                changed.put(live.id(), live);
            }
            state.remember(live);
        }
        storage.candidates().saveAll(changed.values());
    }

    private static Optional<Signature> signature(Storage storage, TenantState state, SignatureId id) {
        SignatureId live = state.resolve(storage, id);
        return state.cachedSignature(live).or(() -> storage.signatures().findById(state.tenant(), live));
    }

    /** The newest of the candidate's sample events still kept, at most {@link #SAMPLE_MESSAGES}. */
    private static List<CanonicalEvent> sampleEvents(Storage storage, Candidate c) {
        List<Long> ids = c.evidence().sampleEventIds();
        List<CanonicalEvent> samples = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 0 && samples.size() < SAMPLE_MESSAGES; i--) {
            storage.canonicalEvents().findById(new RawEnvelopeId(ids.get(i))).ifPresent(samples::add);
        }
        return samples;
    }

    /** A subject of a review or a related-history question, found in storage. */
    record Subject(TenantId tenant, String id, Candidate candidate, Signature signature, CanonicalEvent event,
            Incident incident) {
    }

    static Optional<Subject> subject(Storage storage, SubjectType type, String id) {
        return switch (type) {
            case CANDIDATE -> storage.candidates().findById(new CandidateId(id))
                    .map(c -> new Subject(c.tenantId(), c.id().value(), c, null, null, null));
            case SIGNATURE -> storage.inspection().signature(new SignatureId(id))
                    .map(s -> new Subject(s.tenantId(), s.id().value(), null, s, null, null));
            case EVENT -> eventId(id).flatMap(e -> storage.canonicalEvents().findById(e))
                    .map(e -> new Subject(e.tenantId(), String.valueOf(e.id().value()), null, null, e, null));
            case INCIDENT -> storage.incidents().findById(new IncidentId(id))
                    .map(i -> new Subject(i.tenantId(), i.id().value(), null, null, null, i));
        };
    }

    /** An event id as brainstem gives it ({@code 123}), or as the seed writes it ({@code evt_123}). */
    static Optional<RawEnvelopeId> eventId(String text) {
        String digits = text.startsWith("evt_") ? text.substring(4) : text;
        try {
            long v = Long.parseLong(digits);
            return v > 0 ? Optional.of(new RawEnvelopeId(v)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // ---- queries

    private <T> T read(DatabaseRef db, java.util.function.Function<Storage, T> query) {
        Storage storage = catalog.openExisting(db);
        return storage.unitOfWork().read(() -> query.apply(storage));
    }

    @Override
    public Page<CanonicalEvent> searchEvents(DatabaseRef db, EventSearch search, int limit) {
        List<String> words = search.query().map(SearchWords::split).orElse(List.of());
        Optional<Long> before = search.cursor().map(MemoryService::cursor);
        return read(db, storage -> {
            Set<String> family = Set.of();
            if (search.signatureId().isPresent()) {
                Optional<Signature> s = storage.inspection().signature(new SignatureId(search.signatureId().get()));
                if (s.isEmpty()) {
                    return new Page<>(List.of(), Optional.empty());
                }
                Set<String> ids = new java.util.HashSet<>();
                ids.add(s.get().id().value());
                storage.inspection().signatureAliases(s.get().id()).forEach(a -> ids.add(a.value()));
                family = ids;
            }
            List<CanonicalEvent> events = storage.inspection().searchEvents(new EventQuery(search.tenantId(), words,
                    search.host(), search.service(), search.severity(), family, search.since(), search.until(),
                    before), limit);
            Optional<String> next = events.size() < limit ? Optional.empty()
                    : Optional.of(String.valueOf(events.getLast().id().value()));
            return new Page<>(events, next);
        });
    }

    private static long cursor(String text) {
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidRequestException("invalid_cursor", "cursor must be the next_cursor of a previous page");
    }

    @Override
    public List<Candidate> searchCandidates(DatabaseRef db, CandidateSearch search, int limit) {
        return read(db, storage -> storage.inspection().searchCandidates(search, limit));
    }

    @Override
    public Optional<Explanation> explain(DatabaseRef db, String candidateId) {
        return read(db, storage -> storage.candidates().findById(new CandidateId(candidateId)).map(c -> {
            List<Signature> signatures = new ArrayList<>();
            for (String sid : c.evidence().signatureIds()) {
                storage.inspection().signature(new SignatureId(sid)).ifPresent(signatures::add);
            }
            List<CanonicalEvent> samples = sampleEvents(storage, c);
            List<Incident> incidents = new ArrayList<>();
            for (Recollection.IncidentMatch m : c.recollection().incidents()) {
                storage.incidents().findById(new IncidentId(m.incidentId())).ifPresent(incidents::add);
            }
            List<Review> reviews = storage.reviews().findBySubject(c.tenantId(), SubjectType.CANDIDATE, c.id().value(),
                    10);
            return new Explanation(c, signatures, samples, incidents, reviews, whyItMatters(c));
        }));
    }

    @Override
    public List<Incident> searchIncidents(DatabaseRef db, Optional<String> tenantId, String query, int limit) {
        List<String> words = SearchWords.split(query);
        if (words.isEmpty()) {
            throw new InvalidRequestException("missing_query", "field 'query' must hold at least one word");
        }
        return read(db, storage -> storage.incidents().search(tenantId.map(TenantId::of), words, limit));
    }

    @Override
    public Optional<Incident> incident(DatabaseRef db, String incidentId) {
        return read(db, storage -> storage.incidents().findById(new IncidentId(incidentId)));
    }

    @Override
    public Optional<Related> related(DatabaseRef db, SubjectType type, String subjectId, int limit) {
        return read(db, storage -> subject(storage, type, subjectId).map(s -> related.of(storage, s, limit)));
    }

    @Override
    public Digest digest(DatabaseRef db, Optional<String> tenantId, Optional<Instant> since, int limit) {
        Instant from = since.orElseGet(() -> pipeline.clock().instant().minus(DIGEST_DEFAULT_PERIOD));
        int read = (int) Math.min(Integer.MAX_VALUE, (long) limit * InterestingItems.READ_PER_ITEM);
        List<Candidate> changed = searchCandidates(db, new CandidateSearch(tenantId, Set.of(), Set.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(from), false), read);
        List<Candidate> ordered = new ArrayList<>(changed);
        ordered.sort(Comparator.comparing((Candidate c) -> c.recollection().incidents().isEmpty())
                .thenComparing(Comparator.comparingDouble(Candidate::scoreTotal).reversed()));
        List<DigestItem> items = new ArrayList<>();
        for (InterestingItem item : InterestingItems.fold(ordered, limit)) {
            Candidate c = item.candidate();
            items.add(new DigestItem(c, whyItMatters(c), !c.recollection().incidents().isEmpty(),
                    !c.createdAt().isBefore(from), item.facets()));
        }
        return new Digest(tenantId, from, items);
    }

    /** The narrative sentence, and what memory adds: the incident it matches, or why it is back. */
    static String whyItMatters(Candidate c) {
        StringBuilder why = new StringBuilder(CandidateNarrative.whyItMatters(c));
        Recollection r = c.recollection();
        if (!r.incidents().isEmpty()) {
            Recollection.IncidentMatch m = r.incidents().getFirst();
            why.append(" It matches a prior incident: ").append(m.incidentId()).append(" \"").append(m.title())
                    .append("\".");
        }
        if (!r.suppressed() && r.reason() != null) {
            why.append(' ').append(r.reason());
        }
        return why.toString();
    }
}
