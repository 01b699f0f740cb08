package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.ReadModelRows;
import io.brainstem.adapters.persistence.relational.EventTallies;
import io.brainstem.adapters.persistence.relational.TallyMapper;

import io.brainstem.adapters.persistence.relational.SqlTimes;
import io.brainstem.adapters.persistence.relational.RawEnvelopeRow;
import io.brainstem.adapters.persistence.relational.CanonicalEventRow;
import io.brainstem.adapters.persistence.relational.CandidatePages;
import io.brainstem.adapters.persistence.relational.CandidateRow;
import io.brainstem.adapters.persistence.relational.SignatureRow;
import io.brainstem.adapters.persistence.sqlite.EventBlocks.Dimension;
import io.brainstem.application.port.in.InspectionQueries.CandidateFilter;
import io.brainstem.application.port.in.MemoryQueries.CandidateSearch;
import io.brainstem.application.port.in.MemoryQueries.EventQuery;
import io.brainstem.application.port.in.InspectionQueries.EnvelopeFilter;
import io.brainstem.application.port.in.InspectionQueries.EventFilter;
import io.brainstem.application.port.in.InspectionQueries.SignatureFilter;
import io.brainstem.application.port.in.InspectionQueries.SourceFilter;
import io.brainstem.application.port.in.InspectionQueries.SourceStatus;
import io.brainstem.application.port.in.InspectionQueries.ValueCount;
import io.brainstem.application.port.out.InspectionReadModel;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.brainstem.domain.signature.SignatureId;

/** The inspection queries in SQL. */
final class MyBatisInspectionReadModel implements InspectionReadModel {

    private final SqliteDatabase db;

    MyBatisInspectionReadModel(SqliteDatabase db) {
        this.db = db;
    }

    private TallyMapper tallies() {
        return db.mapper(TallyMapper.class);
    }

    private InspectionMapper mapper() {
        return db.mapper(InspectionMapper.class);
    }

    @Override
    public List<Candidate> candidates(CandidateFilter f, int limit) {
        return mapper().candidates(f.tenantId().orElse(null), f.type().map(CandidateType::wireName).orElse(null),
                f.band().map(DecisionBand::wireName).orElse(null), f.minScoreTotal().orElse(null), limit)
                .stream().map(CandidateRow::toDomain).toList();
    }

    @Override
    public List<Candidate> searchCandidates(CandidateSearch f, int limit) {
        return CandidatePages.search(f, limit, mapper()::candidatePage);
    }

    @Override
    public List<CanonicalEvent> searchEvents(EventQuery q, int limit) {
        List<String> words = ReadModelRows.searchable(q.words());
        if (!q.words().isEmpty() && words.isEmpty()) {
            return List.of();
        }
        String tenant = q.tenantId().orElse(null);
        String host = q.host().orElse(null);
        String service = q.service().orElse(null);
        String severity = q.severity().map(Severity::wireName).orElse(null);
        List<String> signatures = q.signatureIds().isEmpty() ? null : List.copyOf(q.signatureIds());
        Long since = q.since().map(SqlTimes::micros).orElse(null);
        Long until = q.until().map(SqlTimes::micros).orElse(null);
        Long beforeId = q.beforeId().orElse(null);
        if (words.isEmpty()) {
            return mapper().searchEvents(null, null, tenant, host, service, severity, signatures, since, until,
                    beforeId, limit).stream().map(CanonicalEventRow::toDomain).toList();
        }
        // the partitions of the message index hold ascending id ranges: newest first, until the page is full
        // (ADR 34); those entirely at or after the cursor, or outside since/until, are not read
        String match = FtsQueries.allOf(words);
        List<CanonicalEventRow> rows = new ArrayList<>();
        for (MessageIndex.Partition p : MessageIndex.all(db.connection())) {
            if ((beforeId != null && p.firstId() >= beforeId) || !p.mayHold(since, until)) {
                continue;
            }
            rows.addAll(mapper().searchEvents(p.name(), match, tenant, host, service, severity, signatures, since,
                    until, beforeId, limit - rows.size()));
            if (rows.size() >= limit) {
                break;
            }
        }
        return rows.stream().map(CanonicalEventRow::toDomain).toList();
    }

    @Override
    public List<Signature> signatures(SignatureFilter f, int limit) {
        return mapper().signatures(f.tenantId().orElse(null), f.eventFamily().map(EventFamily::wireName).orElse(null),
                f.service().orElse(null), f.minOccurrenceCount().orElse(null), limit)
                .stream().map(SignatureRow::toDomain).toList();
    }

    @Override
    public List<CanonicalEvent> canonicalEvents(EventFilter f, int limit) {
        String tenant = f.tenantId().orElse(null);
        String source = f.source().orElse(null);
        String host = f.host().orElse(null);
        String service = f.service().orElse(null);
        String severity = f.severity().map(Severity::wireName).orElse(null);
        List<String> signatures = f.signatureId().map(this::signatureFamily).orElse(null);
        List<long[]> keys = new ArrayList<>();
        require(keys, Dimension.TENANT, tenant);
        if (source != null) {
            keys.add(new long[] {EventBlocks.key(Dimension.SOURCE_TYPE, source),
                EventBlocks.key(Dimension.SOURCE_ID, source), EventBlocks.key(Dimension.SOURCE_PATH, source)});
        }
        require(keys, Dimension.HOST, host);
        require(keys, Dimension.SERVICE, service);
        require(keys, Dimension.SEVERITY, severity);
        if (signatures != null) {
            keys.add(signatures.stream().mapToLong(id -> EventBlocks.key(Dimension.SIGNATURE, id)).toArray());
        }
        return inBlocks(keys, limit, (from, to, n) -> mapper().events(tenant, source, host, service, severity,
                signatures, from, to, n)).stream().map(CanonicalEventRow::toDomain).toList();
    }

    private List<String> signatureFamily(String id) {
        return ReadModelRows.signatureFamily(id, mapper()::survivorOf, mapper()::aliasesOf);
    }

    @Override
    public Optional<Signature> signature(SignatureId id) {
        return Optional.ofNullable(mapper().signature(id.value())).map(SignatureRow::toDomain);
    }

    @Override
    public List<SignatureId> signatureAliases(SignatureId survivor) {
        return mapper().aliasesOf(survivor.value()).stream().map(SignatureId::new).toList();
    }

    @Override
    public List<RawEnvelope> rawEnvelopes(EnvelopeFilter f, int limit) {
        List<String> statuses = f.statuses().stream().map(EnvelopeStatus::wireName).sorted().toList();
        String tenant = f.tenantId().orElse(null);
        String sourceType = f.sourceType().orElse(null);
        String sourceId = f.sourceId().orElse(null);
        String sourcePath = f.sourcePath().orElse(null);
        List<long[]> keys = new ArrayList<>();
        if (statuses.isEmpty() || statuses.contains(EnvelopeStatus.CANONICALIZED.wireName())) {
            // envelopes still needing attention have their own index; the rest are found through blocks
            require(keys, Dimension.TENANT, tenant);
            require(keys, Dimension.SOURCE_TYPE, sourceType);
            require(keys, Dimension.SOURCE_ID, sourceId);
            require(keys, Dimension.SOURCE_PATH, sourcePath);
        }
        return inBlocks(keys, limit, (from, to, n) -> mapper().envelopes(statuses, tenant, sourceType, sourceId,
                sourcePath, from, to, n)).stream().map(RawEnvelopeRow::toDomain).toList();
    }

    private static void require(List<long[]> keys, Dimension dimension, String value) {
        if (value != null) {
            keys.add(new long[] {EventBlocks.key(dimension, value)});
        }
    }

    /** One page of a listing (newest first) between two ids, or over all ids when {@code from} is null. */
    private interface RangeQuery<R> {
        List<R> rows(Long from, Long to, int limit);
    }

    /**
     * Newest first: without block filters one query over all rows; otherwise the matching blocks' id ranges,
     * newest first, until {@code limit} rows are found (ADR 12).
     */
    private <R> List<R> inBlocks(List<long[]> keys, int limit, RangeQuery<R> query) {
        if (keys.isEmpty()) {
            return query.rows(null, null, limit);
        }
        List<R> out = new ArrayList<>();
        for (EventBlocks.IdRange range : db.blocks().matching(db.connection(), keys)) {
            out.addAll(query.rows(range.from(), range.to(), limit - out.size()));
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    @Override
    public Map<EnvelopeStatus, Long> envelopeCountsByStatus() {
        return ReadModelRows.statusCounts(tallies().statusCounts());
    }

    @Override
    public long candidateCount() {
        return mapper().candidateCount();
    }

    @Override
    public long signatureCount() {
        return mapper().signatureCount();
    }

    /** From the tallies kept as events are written (ADR 33); the dimensions are fixed column names. */
    @Override
    public Map<String, List<ValueCount>> sourceSummaries(int limit) {
        return ReadModelRows.sourceSummaries(limit,
                (dimension, n) -> dimension.equals("host") ? tallies().hostCounts(n)
                        : tallies().dimensionCounts(dimension, EventTallies.absentBit(dimension), n));
    }

    @Override
    public List<SourceStatus> sourceStatus(SourceFilter f, int limit) {
        return ReadModelRows.sourceStatus(tallies().sourceStatus(f.tenantId().orElse(null), f.sourceType().orElse(null),
                f.sourceId().orElse(null), f.sourcePath().orElse(null), limit));
    }
}
