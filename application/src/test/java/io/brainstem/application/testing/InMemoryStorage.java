package io.brainstem.application.testing;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.InspectionQueries.CandidateFilter;
import io.brainstem.application.port.in.InspectionQueries.EnvelopeFilter;
import io.brainstem.application.port.in.InspectionQueries.EventFilter;
import io.brainstem.application.port.in.InspectionQueries.SignatureFilter;
import io.brainstem.application.port.in.InspectionQueries.SourceFilter;
import io.brainstem.application.port.in.InspectionQueries.SourceStatus;
import io.brainstem.application.port.in.InspectionQueries.ValueCount;
import io.brainstem.application.port.in.MemoryQueries.CandidateSearch;
import io.brainstem.application.port.in.MemoryQueries.EventQuery;
import io.brainstem.application.port.out.AlertSyncRepository;
import io.brainstem.application.port.out.CandidateRepository;
import io.brainstem.domain.alert.AlertHistory;
import io.brainstem.domain.alert.SyncCursor;
import io.brainstem.application.port.out.IncidentRepository;
import io.brainstem.application.port.out.ReviewRepository;
import io.brainstem.domain.memory.Incident;
import io.brainstem.domain.memory.IncidentId;
import io.brainstem.domain.memory.Review;
import io.brainstem.domain.memory.ReviewId;
import io.brainstem.domain.memory.SubjectType;
import io.brainstem.application.port.out.InspectionReadModel;
import io.brainstem.application.port.out.IdempotencyRepository;
import io.brainstem.application.port.out.IntakeCursorRepository;
import io.brainstem.application.port.out.CanonicalEventRepository;
import io.brainstem.application.port.out.RawEnvelopeRepository;
import io.brainstem.application.port.out.SignatureRepository;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.port.out.UnitOfWork;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateId;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A fast in-memory storage adapter for tests. Writes are serialized; a failed unit of work is rolled back
 * by restoring a snapshot of the maps (aggregates are mutable, so the snapshot keeps their states as
 * rebuilt copies). Not meant for production volumes.
 */
public final class InMemoryStorage implements Storage {

    private final ReentrantLock writeLock = new ReentrantLock();
    private final TreeMap<Long, RawEnvelope> envelopes = new TreeMap<>();
    private final TreeMap<Long, CanonicalEvent> events = new TreeMap<>();
    private final Map<SignatureId, Signature> signatures = new java.util.LinkedHashMap<>();
    private final Map<CandidateId, Candidate> candidates = new java.util.LinkedHashMap<>();
    /** Alias id → live survivor id (always live: merges repoint older aliases). */
    private final Map<SignatureId, SignatureId> aliases = new java.util.HashMap<>();
    private final Map<SignatureId, TenantId> aliasTenants = new java.util.HashMap<>();
    private final Map<String, Incident> incidents = new java.util.LinkedHashMap<>();
    private final Map<String, Review> reviews = new java.util.LinkedHashMap<>();
    private final Map<String, IdempotencyRepository.Remembered> remembered = new java.util.HashMap<>();
    private final String name;
    private volatile boolean failNextWrite;

    public InMemoryStorage() {
        this("memory");
    }

    public InMemoryStorage(String name) {
        this.name = name;
    }

    /** A catalog whose every reference is its own fresh in-memory database. */
    public static StorageCatalog catalog() {
        Map<DatabaseRef, InMemoryStorage> all = new ConcurrentHashMap<>();
        return new StorageCatalog() {
            @Override
            public Storage open(DatabaseRef ref) {
                return all.computeIfAbsent(ref, r -> new InMemoryStorage(r.isDefault() ? "memory" : r.name()));
            }

            @Override
            public Storage openExisting(DatabaseRef ref) {
                if (!ref.isDefault() && !all.containsKey(ref)) {
                    throw new io.brainstem.application.port.in.InvalidRequestException("unknown_database",
                            "db_path '" + ref.name() + "' names no database yet");
                }
                return open(ref);
            }

            @Override
            public java.util.List<DatabaseRef> openDatabases() {
                java.util.List<DatabaseRef> refs = new java.util.ArrayList<>(java.util.List.of(DatabaseRef.DEFAULT));
                all.keySet().stream().filter(r -> !r.isDefault()).forEach(refs::add);
                return refs;
            }

            @Override
            public String describe(DatabaseRef ref) {
                return "memory:" + (ref.isDefault() ? "default" : ref.name());
            }

            @Override
            public void close() {
            }
        };
    }

    /** The next write fails once its work has run, as a commit that fails: it is rolled back. */
    public void failNextWrite() {
        failNextWrite = true;
    }

    @Override
    public UnitOfWork unitOfWork() {
        return new UnitOfWork() {
            @Override
            public <T> T write(Supplier<T> work) {
                writeLock.lock();
                try {
                    Snapshot snapshot = new Snapshot();
                    try {
                        T result = work.get();
                        if (failNextWrite) {
                            failNextWrite = false;
                            throw new io.brainstem.application.port.out.StorageException("disk I/O error (test)");
                        }
                        return result;
                    } catch (RuntimeException e) {
                        snapshot.restore();
                        throw e;
                    }
                } finally {
                    writeLock.unlock();
                }
            }

            @Override
            public <T> T read(Supplier<T> work) {
                writeLock.lock();
                try {
                    return work.get();
                } finally {
                    writeLock.unlock();
                }
            }
        };
    }

    /** Shallow copies of the maps; enough for tests that fail a unit of work before mutating aggregates. */
    private final class Snapshot {
        private final TreeMap<Long, RawEnvelope> e = new TreeMap<>(envelopes);
        private final TreeMap<Long, CanonicalEvent> ev = new TreeMap<>(events);
        private final Map<SignatureId, Signature> s = new java.util.LinkedHashMap<>(signatures);
        private final Map<CandidateId, Candidate> c = new java.util.LinkedHashMap<>(candidates);
        private final Map<SignatureId, SignatureId> a = new java.util.HashMap<>(aliases);
        private final Map<SignatureId, TenantId> at = new java.util.HashMap<>(aliasTenants);
        private final Map<String, Incident> inc = new java.util.LinkedHashMap<>(incidents);
        private final Map<String, Review> rev = new java.util.LinkedHashMap<>(reviews);
        private final Map<List<String>, AlertHistory> ah = new java.util.HashMap<>(alertHistories);
        private final Map<List<String>, SyncCursor> sc = new java.util.HashMap<>(syncCursors);
        private final Map<String, IdempotencyRepository.Remembered> ir = new java.util.HashMap<>(remembered);

        void restore() {
            envelopes.clear();
            envelopes.putAll(e);
            events.clear();
            events.putAll(ev);
            signatures.clear();
            signatures.putAll(s);
            candidates.clear();
            candidates.putAll(c);
            aliases.clear();
            aliases.putAll(a);
            aliasTenants.clear();
            aliasTenants.putAll(at);
            incidents.clear();
            incidents.putAll(inc);
            reviews.clear();
            reviews.putAll(rev);
            alertHistories.clear();
            alertHistories.putAll(ah);
            syncCursors.clear();
            syncCursors.putAll(sc);
            remembered.clear();
            remembered.putAll(ir);
        }
    }

    @Override
    public RawEnvelopeRepository rawEnvelopes() {
        return new RawEnvelopeRepository() {
            @Override
            public List<RawEnvelope> receiveAll(List<EnvelopeContent> contents, Instant receivedAt) {
                long next = envelopes.isEmpty() ? 1 : envelopes.lastKey() + 1;
                List<RawEnvelope> out = new ArrayList<>(contents.size());
                for (EnvelopeContent content : contents) {
                    RawEnvelope envelope = RawEnvelope.receive(new RawEnvelopeId(next++), content, receivedAt);
                    envelopes.put(envelope.id().value(), envelope);
                    out.add(envelope);
                }
                return out;
            }

            @Override
            public void saveOutcomes(Collection<RawEnvelope> saved) {
                for (RawEnvelope envelope : saved) {
                    if (!envelopes.containsKey(envelope.id().value())) {
                        throw new IllegalStateException("unknown envelope " + envelope.id());
                    }
                    envelopes.put(envelope.id().value(), envelope);
                }
            }

            @Override
            public Optional<RawEnvelope> findById(RawEnvelopeId id) {
                return Optional.ofNullable(envelopes.get(id.value()));
            }

            @Override
            public List<RawEnvelope> findByIds(Collection<RawEnvelopeId> ids) {
                return ids.stream().map(RawEnvelopeId::value).distinct().sorted().map(envelopes::get)
                        .filter(java.util.Objects::nonNull).toList();
            }

            @Override
            public List<RawEnvelope> findAfter(long afterId, Collection<EnvelopeStatus> statuses, Instant since,
                    int limit) {
                return envelopes.tailMap(afterId, false).values().stream()
                        .filter(e -> statuses.isEmpty() || statuses.contains(e.status()))
                        .filter(e -> since == null || !e.receivedAt().isBefore(since))
                        .limit(limit).toList();
            }

            @Override
            public int deleteReceivedBefore(Instant cutoff, int maxRows) {
                List<Long> expired = envelopes.values().stream().filter(e -> e.receivedAt().isBefore(cutoff))
                        .limit(maxRows).map(e -> e.id().value()).toList();
                expired.forEach(id -> {
                    envelopes.remove(id);
                    events.remove(id);
                });
                return expired.size();
            }

            @Override
            public Optional<Instant> oldestReceivedAt() {
                return envelopes.values().stream().map(RawEnvelope::receivedAt).min(Comparator.naturalOrder());
            }
        };
    }

    @Override
    public CanonicalEventRepository canonicalEvents() {
        return new CanonicalEventRepository() {
            @Override
            public void saveAll(Collection<CanonicalEvent> saved) {
                for (CanonicalEvent e : saved) {
                    RawEnvelope envelope = envelopes.get(e.id().value());
                    if (envelope == null || !e.isFrom(envelope)) {
                        throw new io.brainstem.application.port.out.StorageException("canonical event "
                                + e.id().value() + " has no stored envelope of the same tenant and source");
                    }
                }
                saved.forEach(e -> events.put(e.id().value(), e));
            }

            @Override
            public Optional<CanonicalEvent> findById(RawEnvelopeId id) {
                return Optional.ofNullable(events.get(id.value()));
            }

            @Override
            public List<CanonicalEvent> latest(TenantId tenant, int limit) {
                List<CanonicalEvent> out = new ArrayList<>();
                for (CanonicalEvent e : events.descendingMap().values()) {
                    if (out.size() >= limit) {
                        break;
                    }
                    if (e.tenantId().equals(tenant)) {
                        out.add(e);
                    }
                }
                return out.reversed();
            }
        };
    }

    @Override
    public SignatureRepository signatures() {
        return new SignatureRepository() {
            @Override
            public void saveAll(Collection<Signature> saved) {
                saved.forEach(s -> signatures.put(s.id(), s));
            }

            @Override
            public Optional<Signature> findById(TenantId tenant, SignatureId id) {
                return Optional.ofNullable(signatures.get(resolve(tenant, id))).filter(s -> s.tenantId().equals(tenant));
            }

            @Override
            public void recordMerge(TenantId tenant, SignatureId absorbed, SignatureId survivor) {
                if (absorbed.equals(survivor)) {
                    throw new IllegalArgumentException("a signature cannot be merged into itself: " + absorbed);
                }
                SignatureId from = resolve(tenant, absorbed);
                SignatureId to = resolve(tenant, survivor);
                if (from.equals(to)) {
                    return;
                }
                aliases.replaceAll((alias, target) -> target.equals(from) ? to : target);
                aliases.put(from, to);
                aliasTenants.put(from, tenant);
                signatures.remove(from);
            }

            @Override
            public SignatureId resolve(TenantId tenant, SignatureId id) {
                SignatureId to = aliases.get(id);
                return to != null && tenant.equals(aliasTenants.get(id)) ? to : id;
            }

            @Override
            public List<SignatureId> aliasesOf(TenantId tenant, SignatureId survivor) {
                return aliases.entrySet().stream()
                        .filter(e -> e.getValue().equals(survivor) && tenant.equals(aliasTenants.get(e.getKey())))
                        .map(Map.Entry::getKey).sorted(Comparator.comparing(SignatureId::value)).toList();
            }

            @Override
            public List<Signature> findByTenant(TenantId tenant, int limit) {
                return signatures.values().stream().filter(s -> s.tenantId().equals(tenant))
                        .sorted(Comparator.comparing(Signature::lastSeen).reversed()).limit(limit).toList();
            }
        };
    }

    @Override
    public CandidateRepository candidates() {
        return new CandidateRepository() {
            @Override
            public void saveAll(Collection<Candidate> saved) {
                saved.forEach(c -> candidates.put(c.id(), c));
            }

            @Override
            public Optional<Candidate> findById(CandidateId id) {
                return Optional.ofNullable(candidates.get(id));
            }

            @Override
            public List<Candidate> findByTenant(TenantId tenant, int limit) {
                return candidates.values().stream().filter(c -> c.tenantId().equals(tenant))
                        .sorted(Comparator.comparingDouble(Candidate::scoreTotal).reversed()).limit(limit).toList();
            }

            @Override
            public List<Candidate> findBySignaturesOrHosts(TenantId tenant, Collection<String> signatureIds,
                    Collection<String> hosts, int limit) {
                return candidates.values().stream().filter(c -> c.tenantId().equals(tenant))
                        .filter(c -> c.evidence().signatureIds().stream().anyMatch(signatureIds::contains)
                                || c.evidence().hosts().stream().anyMatch(hosts::contains))
                        .sorted(Comparator.comparingDouble(Candidate::scoreTotal).reversed()).limit(limit).toList();
            }
        };
    }

    @Override
    public IncidentRepository incidents() {
        return new IncidentRepository() {
            @Override
            public void save(Incident incident) {
                incidents.putIfAbsent(incident.id().value(), incident);
            }

            @Override
            public Optional<Incident> findById(IncidentId id) {
                return Optional.ofNullable(incidents.get(id.value()));
            }

            @Override
            public List<Incident> findByTenant(TenantId tenant, int limit) {
                return incidents.values().stream().filter(i -> i.tenantId().equals(tenant))
                        .sorted(Comparator.comparing(Incident::promotedAt).reversed()).limit(limit).toList();
            }

            @Override
            public List<Incident> search(Optional<TenantId> tenant, List<String> words, int limit) {
                List<String> stems = words.stream().map(InMemoryStorage::stem).toList();
                record Hit(Incident incident, long matched) {
                }
                return incidents.values().stream().filter(i -> tenant.isEmpty() || i.tenantId().equals(tenant.get()))
                        .map(i -> {
                            java.util.Set<String> text = new java.util.HashSet<>();
                            for (String w : (i.title() + " " + i.summary() + " " + i.incidentType() + " "
                                    + String.join(" ", i.templates())).toLowerCase(java.util.Locale.ROOT)
                                    .split("[^\\p{L}\\p{N}]+")) {
                                text.add(stem(w));
                            }
                            return new Hit(i, stems.stream().filter(text::contains).count());
                        })
                        .filter(h -> h.matched() > 0)
                        .sorted(Comparator.comparingLong(Hit::matched).reversed()
                                .thenComparing(h -> h.incident().promotedAt(), Comparator.reverseOrder()))
                        .limit(limit).map(Hit::incident).toList();
            }
        };
    }

    /** A crude stemmer, enough for tests: flapping, flaps, flapped → flap. */
    static String stem(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        for (String suffix : List.of("ing", "ed", "es", "s")) {
            if (w.length() > suffix.length() + 2 && w.endsWith(suffix)) {
                w = w.substring(0, w.length() - suffix.length());
                if (w.length() > 2 && w.charAt(w.length() - 1) == w.charAt(w.length() - 2)) {
                    w = w.substring(0, w.length() - 1);
                }
                break;
            }
        }
        return w;
    }

    @Override
    public ReviewRepository reviews() {
        return new ReviewRepository() {
            private final Comparator<Review> newestFirst = Comparator.comparing(Review::recordedAt)
                    .thenComparing(r -> r.id().value()).reversed();

            @Override
            public void save(Review review) {
                reviews.put(review.id().value(), review);
            }

            @Override
            public Optional<Review> findById(ReviewId id) {
                return Optional.ofNullable(reviews.get(id.value()));
            }

            @Override
            public List<Review> findBySubject(TenantId tenant, SubjectType type, String subjectId, int limit) {
                return reviews.values().stream().filter(r -> r.tenantId().equals(tenant) && r.subjectType() == type
                        && r.subjectId().equals(subjectId)).sorted(newestFirst).limit(limit).toList();
            }

            @Override
            public List<Review> findByTenant(TenantId tenant, int limit) {
                return reviews.values().stream().filter(r -> r.tenantId().equals(tenant)).sorted(newestFirst)
                        .limit(limit).toList();
            }
        };
    }

    private final Map<String, Long> cursors = new ConcurrentHashMap<>();
    private final Map<List<String>, AlertHistory> alertHistories = new ConcurrentHashMap<>();
    private final Map<List<String>, SyncCursor> syncCursors = new ConcurrentHashMap<>();

    @Override
    public AlertSyncRepository alertSync() {
        return new AlertSyncRepository() {
            @Override
            public Map<String, AlertHistory> findHistories(String portal, TenantId tenant,
                    Collection<String> alertIds) {
                Map<String, AlertHistory> found = new java.util.HashMap<>();
                for (String id : alertIds) {
                    AlertHistory h = alertHistories.get(List.of(portal, tenant.value(), id));
                    if (h != null) {
                        found.put(id, h);
                    }
                }
                return found;
            }

            @Override
            public void saveHistories(Collection<AlertHistory> histories) {
                histories.forEach(h -> alertHistories.put(List.of(h.portal(), h.tenantId().value(), h.alertId()), h));
            }

            @Override
            public Optional<SyncCursor> cursor(String portal, TenantId tenant) {
                return Optional.ofNullable(syncCursors.get(List.of(portal, tenant.value())));
            }

            @Override
            public void saveCursor(SyncCursor cursor) {
                syncCursors.put(List.of(cursor.portal(), cursor.tenantId().value()), cursor);
            }
        };
    }

    @Override
    public IdempotencyRepository idempotency() {
        return new IdempotencyRepository() {
            @Override
            public Optional<Remembered> find(String key) {
                return Optional.ofNullable(remembered.get(key));
            }

            @Override
            public void remember(Remembered r) {
                remembered.putIfAbsent(r.key(), r);
            }

            @Override
            public void forgetBefore(Instant cutoff) {
                remembered.values().removeIf(r -> r.recordedAt().isBefore(cutoff));
            }
        };
    }

    @Override
    public IntakeCursorRepository intakeCursors() {
        return new IntakeCursorRepository() {
            @Override
            public Optional<Long> position(String key) {
                return Optional.ofNullable(cursors.get(key));
            }

            @Override
            public void save(String key, long position) {
                cursors.put(key, position);
            }
        };
    }

    @Override
    public InspectionReadModel inspection() {
        return new InMemoryInspection();
    }

    /** The read model by streams over the maps. */
    private final class InMemoryInspection implements InspectionReadModel {

        private static boolean matches(Optional<String> filter, String value) {
            return filter.isEmpty() || filter.get().equals(value);
        }

        @Override
        public List<Candidate> candidates(CandidateFilter f, int limit) {
            return candidates.values().stream()
                    .filter(c -> matches(f.tenantId(), c.tenantId().value()))
                    .filter(c -> f.type().isEmpty() || f.type().get() == c.type())
                    .filter(c -> f.band().isEmpty() || f.band().get() == c.decisionBand())
                    .filter(c -> f.minScoreTotal().isEmpty() || c.scoreTotal() >= f.minScoreTotal().get())
                    .sorted(Comparator.comparingDouble(Candidate::scoreTotal).reversed()
                            .thenComparing(c -> c.id().value()))
                    .limit(limit).toList();
        }

        @Override
        public List<Candidate> searchCandidates(CandidateSearch f, int limit) {
            List<String> words = f.query().map(q -> List.of(q.toLowerCase(java.util.Locale.ROOT).split("\\s+")))
                    .orElse(List.of());
            return candidates.values().stream()
                    .filter(c -> matches(f.tenantId(), c.tenantId().value()))
                    .filter(c -> f.types().isEmpty() || f.types().contains(c.type()))
                    .filter(c -> f.bands().isEmpty() || f.bands().contains(c.decisionBand()))
                    .filter(c -> f.host().isEmpty() || c.evidence().hosts().contains(f.host().get()))
                    .filter(c -> f.minScore().isEmpty() || c.scoreTotal() >= f.minScore().get())
                    .filter(c -> f.updatedSince().isEmpty() || !c.updatedAt().isBefore(f.updatedSince().get()))
                    .filter(c -> f.includeSuppressed() || !c.suppressed())
                    .filter(c -> {
                        String text = (c.title() + " " + c.explanation()).toLowerCase(java.util.Locale.ROOT);
                        return words.stream().allMatch(text::contains);
                    })
                    .sorted(Comparator.comparingDouble(Candidate::scoreTotal).reversed()
                            .thenComparing(c -> c.id().value()))
                    .limit(limit).toList();
        }

        @Override
        public List<CanonicalEvent> searchEvents(EventQuery q, int limit) {
            return events.descendingMap().values().stream()
                    .filter(e -> q.beforeId().isEmpty() || e.id().value() < q.beforeId().get())
                    .filter(e -> matches(q.tenantId(), e.tenantId().value()))
                    .filter(e -> matches(q.host(), e.host()))
                    .filter(e -> matches(q.service(), e.service()))
                    .filter(e -> q.severity().isEmpty() || q.severity().get() == e.severity())
                    .filter(e -> q.signatureIds().isEmpty() || q.signatureIds().contains(e.signatureId().value()))
                    .filter(e -> q.since().isEmpty() || !e.timestamp().isBefore(q.since().get()))
                    .filter(e -> q.until().isEmpty() || e.timestamp().isBefore(q.until().get()))
                    .filter(e -> {
                        String text = " " + String.join(" ", e.message().toLowerCase(java.util.Locale.ROOT)
                                .split("[^\\p{L}\\p{N}]+")) + " ";
                        return q.words().stream().allMatch(w -> text.contains(" " + String.join(" ",
                                w.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) + " "));
                    })
                    .limit(limit).toList();
        }

        @Override
        public List<Signature> signatures(SignatureFilter f, int limit) {
            return signatures.values().stream()
                    .filter(s -> matches(f.tenantId(), s.tenantId().value()))
                    .filter(s -> f.eventFamily().isEmpty() || f.eventFamily().get() == s.eventFamily())
                    .filter(s -> matches(f.service(), s.service()))
                    .filter(s -> f.minOccurrenceCount().isEmpty() || s.occurrenceCount() >= f.minOccurrenceCount().get())
                    .sorted(Comparator.comparingLong(Signature::occurrenceCount).reversed()
                            .thenComparing(s -> s.id().value()))
                    .limit(limit).toList();
        }

        @Override
        public List<CanonicalEvent> canonicalEvents(EventFilter f, int limit) {
            return events.descendingMap().values().stream()
                    .filter(e -> matches(f.tenantId(), e.tenantId().value()))
                    .filter(e -> f.source().isEmpty() || f.source().get().equals(e.sourceId())
                            || f.source().get().equals(e.sourceType()) || f.source().get().equals(e.sourcePath()))
                    .filter(e -> matches(f.host(), e.host()))
                    .filter(e -> matches(f.service(), e.service()))
                    .filter(e -> f.severity().isEmpty() || f.severity().get() == e.severity())
                    .filter(e -> f.signatureId().isEmpty()
                            || live(new SignatureId(f.signatureId().get())).equals(live(e.signatureId())))
                    .limit(limit).toList();
        }

        @Override
        public List<RawEnvelope> rawEnvelopes(EnvelopeFilter f, int limit) {
            return envelopes.descendingMap().values().stream()
                    .filter(e -> f.statuses().isEmpty() || f.statuses().contains(e.status()))
                    .filter(e -> matches(f.tenantId(), e.tenantId().value()))
                    .filter(e -> matches(f.sourceType(), e.content().sourceType()))
                    .filter(e -> matches(f.sourceId(), e.content().sourceId()))
                    .filter(e -> matches(f.sourcePath(), e.content().sourcePath()))
                    .limit(limit).toList();
        }

        private SignatureId live(SignatureId id) {
            return aliases.getOrDefault(id, id);
        }

        @Override
        public Optional<Signature> signature(SignatureId id) {
            return Optional.ofNullable(signatures.get(live(id)));
        }

        @Override
        public List<SignatureId> signatureAliases(SignatureId survivor) {
            return aliases.entrySet().stream().filter(e -> e.getValue().equals(survivor)).map(Map.Entry::getKey)
                    .sorted(Comparator.comparing(SignatureId::value)).toList();
        }

        @Override
        public Map<EnvelopeStatus, Long> envelopeCountsByStatus() {
            Map<EnvelopeStatus, Long> counts = new java.util.EnumMap<>(EnvelopeStatus.class);
            envelopes.values().forEach(e -> counts.merge(e.status(), 1L, Long::sum));
            return counts;
        }

        @Override
        public long candidateCount() {
            return candidates.size();
        }

        @Override
        public long signatureCount() {
            return signatures.size();
        }

        @Override
        public Map<String, List<ValueCount>> sourceSummaries(int limit) {
            Map<String, List<ValueCount>> out = new java.util.LinkedHashMap<>();
            for (String dimension : SOURCE_DIMENSIONS) {
                Map<String, Long> counts = new java.util.HashMap<>();
                for (RawEnvelope e : envelopes.values()) {
                    String v = dimension(e, dimension);
                    if (v != null) {
                        counts.merge(v, 1L, Long::sum);
                    }
                }
                out.put(dimension, counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(limit).map(en -> new ValueCount(en.getKey(), en.getValue())).toList());
            }
            return out;
        }

        /** The host is the canonical event's, as the SQL stores count it: none before an envelope is canonicalized. */
        private String dimension(RawEnvelope e, String name) {
            EnvelopeContent c = e.content();
            return switch (name) {
                case "tenant_id" -> c.tenantId().value();
                case "source_type" -> c.sourceType();
                case "source_id" -> c.sourceId();
                case "source_name" -> c.sourceName();
                case "source_path" -> c.sourcePath();
                case "host" -> {
                    CanonicalEvent event = events.get(e.id().value());
                    yield event == null ? null : event.host();
                }
                default -> throw new IllegalArgumentException(name);
            };
        }

        @Override
        public List<SourceStatus> sourceStatus(SourceFilter f, int limit) {
            Map<List<String>, long[]> rows = new java.util.LinkedHashMap<>();
            Map<List<String>, Instant> last = new java.util.HashMap<>();
            for (RawEnvelope e : envelopes.values()) {
                EnvelopeContent c = e.content();
                if (!matches(f.tenantId(), c.tenantId().value()) || !matches(f.sourceType(), c.sourceType())
                        || !matches(f.sourceId(), c.sourceId()) || !matches(f.sourcePath(), c.sourcePath())) {
                    continue;
                }
                List<String> key = java.util.Arrays.asList(c.tenantId().value(), c.sourceType(), c.sourceId(),
                        c.sourcePath());
                long[] n = rows.computeIfAbsent(key, k -> new long[4]);
                n[0]++;
                switch (e.status()) {
                    case CANONICALIZED -> n[1]++;
                    case PARSE_FAILED -> n[2]++;
                    case UNSUPPORTED -> n[3]++;
                    case RECEIVED -> { }
                }
                last.merge(key, e.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
            return rows.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                    .limit(limit)
                    .map(en -> new SourceStatus(en.getKey().get(0), en.getKey().get(1), en.getKey().get(2),
                            en.getKey().get(3), en.getValue()[0], en.getValue()[1], en.getValue()[2],
                            en.getValue()[3], last.get(en.getKey())))
                    .toList();
        }
    }

    @Override
    public String describe() {
        return name;
    }
}
