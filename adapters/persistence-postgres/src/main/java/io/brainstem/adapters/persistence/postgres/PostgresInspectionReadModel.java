package io.brainstem.adapters.persistence.postgres;

import io.brainstem.adapters.persistence.relational.ReadModelRows;
import io.brainstem.adapters.persistence.relational.EventTallies;
import io.brainstem.adapters.persistence.relational.TallyMapper;
import io.brainstem.adapters.persistence.relational.CandidatePages;
import io.brainstem.adapters.persistence.relational.CanonicalEventRow;
import io.brainstem.adapters.persistence.relational.RawEnvelopeRow;
import io.brainstem.adapters.persistence.relational.SignatureRow;
import io.brainstem.adapters.persistence.relational.SqlTimes;
import io.brainstem.application.port.in.InspectionQueries.CandidateFilter;
import io.brainstem.application.port.in.InspectionQueries.EnvelopeFilter;
import io.brainstem.application.port.in.InspectionQueries.EventFilter;
import io.brainstem.application.port.in.InspectionQueries.SignatureFilter;
import io.brainstem.application.port.in.InspectionQueries.SourceFilter;
import io.brainstem.application.port.in.InspectionQueries.SourceStatus;
import io.brainstem.application.port.in.InspectionQueries.ValueCount;
import io.brainstem.application.port.in.MemoryQueries.CandidateSearch;
import io.brainstem.application.port.in.MemoryQueries.EventQuery;
import io.brainstem.application.port.out.InspectionReadModel;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The inspection queries in PostgreSQL's SQL: plain indexes where SQLite needs block summaries (ADR 27). */
final class PostgresInspectionReadModel implements InspectionReadModel {

    private final PostgresDatabase db;

    PostgresInspectionReadModel(PostgresDatabase db) {
        this.db = db;
    }

    private TallyMapper tallies() {
        db.flushHeld();
        return db.mapper(TallyMapper.class);
    }

    private InspectionMapper mapper() {
        db.flushHeld();
        return db.mapper(InspectionMapper.class);
    }

    @Override
    public List<Candidate> candidates(CandidateFilter f, int limit) {
        return mapper().candidatePage(f.tenantId().orElse(null), f.type().map(t -> List.of(t.wireName())).orElse(null),
                f.band().map(b -> List.of(b.wireName())).orElse(null), f.minScoreTotal().orElse(null), null, true,
                limit, 0).stream().map(r -> r.toDomain()).toList();
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
        return mapper().searchEvents(words, q.tenantId().orElse(null), q.host().orElse(null),
                q.service().orElse(null), q.severity().map(Severity::wireName).orElse(null),
                q.signatureIds().isEmpty() ? null : List.copyOf(q.signatureIds()),
                q.since().map(SqlTimes::micros).orElse(null), q.until().map(SqlTimes::micros).orElse(null),
                q.beforeId().orElse(null), limit).stream().map(CanonicalEventRow::toDomain).toList();
    }

    @Override
    public List<Signature> signatures(SignatureFilter f, int limit) {
        return mapper().signatures(f.tenantId().orElse(null), f.eventFamily().map(EventFamily::wireName).orElse(null),
                f.service().orElse(null), f.minOccurrenceCount().orElse(null), limit)
                .stream().map(SignatureRow::toDomain).toList();
    }

    @Override
    public List<CanonicalEvent> canonicalEvents(EventFilter f, int limit) {
        return mapper().events(f.tenantId().orElse(null), f.source().orElse(null), f.host().orElse(null),
                f.service().orElse(null), f.severity().map(Severity::wireName).orElse(null),
                f.signatureId().map(this::signatureFamily).orElse(null), limit)
                .stream().map(CanonicalEventRow::toDomain).toList();
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
        return mapper().envelopes(statuses, f.tenantId().orElse(null), f.sourceType().orElse(null),
                f.sourceId().orElse(null), f.sourcePath().orElse(null), limit)
                .stream().map(RawEnvelopeRow::toDomain).toList();
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
