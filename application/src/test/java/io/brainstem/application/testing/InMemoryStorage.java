package io.brainstem.application.testing;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.InspectionQueries.CandidateFilter;
import io.brainstem.application.port.in.InspectionQueries.EnvelopeFilter;
import io.brainstem.application.port.in.InspectionQueries.EventFilter;
import io.brainstem.application.port.in.InspectionQueries.SignatureFilter;
import io.brainstem.application.port.in.InspectionQueries.SourceFilter;
import io.brainstem.application.port.in.InspectionQueries.SourceStatus;
import io.brainstem.application.port.in.InspectionQueries.ValueCount;
import io.brainstem.application.port.out.CandidateRepository;
import io.brainstem.application.port.out.InspectionReadModel;
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
    private final String name;

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
            public String locate(DatabaseRef ref) {
                return "memory:" + (ref.isDefault() ? "default" : ref.name());
            }

            @Override
            public void close() {
            }
        };
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
                        return work.get();
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
        };
    }

    private final Map<String, Long> cursors = new ConcurrentHashMap<>();

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

        private static String dimension(RawEnvelope e, String name) {
            EnvelopeContent c = e.content();
            return switch (name) {
                case "tenant_id" -> c.tenantId().value();
                case "source_type" -> c.sourceType();
                case "source_id" -> c.sourceId();
                case "source_name" -> c.sourceName();
                case "source_path" -> c.sourcePath();
                case "host" -> c.host();
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
