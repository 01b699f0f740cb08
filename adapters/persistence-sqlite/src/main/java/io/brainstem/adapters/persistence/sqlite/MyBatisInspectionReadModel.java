package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.application.port.in.InspectionQueries.CandidateFilter;
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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The inspection queries in SQL. */
final class MyBatisInspectionReadModel implements InspectionReadModel {

    private final SqliteDatabase db;

    MyBatisInspectionReadModel(SqliteDatabase db) {
        this.db = db;
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
    public List<Signature> signatures(SignatureFilter f, int limit) {
        return mapper().signatures(f.tenantId().orElse(null), f.eventFamily().map(EventFamily::wireName).orElse(null),
                f.service().orElse(null), f.minOccurrenceCount().orElse(null), limit)
                .stream().map(SignatureRow::toDomain).toList();
    }

    @Override
    public List<CanonicalEvent> canonicalEvents(EventFilter f, int limit) {
        return mapper().events(f.tenantId().orElse(null), f.source().orElse(null), f.host().orElse(null),
                f.service().orElse(null), f.severity().map(Severity::wireName).orElse(null),
                f.signatureId().orElse(null), limit)
                .stream().map(CanonicalEventRow::toDomain).toList();
    }

    @Override
    public List<RawEnvelope> rawEnvelopes(EnvelopeFilter f, int limit) {
        return mapper().envelopes(f.statuses().stream().map(EnvelopeStatus::wireName).sorted().toList(),
                f.tenantId().orElse(null), f.sourceType().orElse(null), f.sourceId().orElse(null),
                f.sourcePath().orElse(null), limit)
                .stream().map(RawEnvelopeRow::toDomain).toList();
    }

    @Override
    public Map<EnvelopeStatus, Long> envelopeCountsByStatus() {
        Map<EnvelopeStatus, Long> counts = new EnumMap<>(EnvelopeStatus.class);
        for (InspectionRows.ValueCountRow row : mapper().statusCounts()) {
            EnvelopeStatus.fromWireName(row.value()).ifPresent(s -> counts.put(s, row.count()));
        }
        return counts;
    }

    @Override
    public long candidateCount() {
        return mapper().candidateCount();
    }

    @Override
    public long signatureCount() {
        return mapper().signatureCount();
    }

    @Override
    public Map<String, List<ValueCount>> sourceSummaries(int limit) {
        Map<String, List<ValueCount>> out = new LinkedHashMap<>();
        for (String dimension : SOURCE_DIMENSIONS) {
            out.put(dimension, mapper().dimensionCounts(dimension, limit).stream()
                    .map(r -> new ValueCount(r.value(), r.count())).toList());
        }
        return out;
    }

    @Override
    public List<SourceStatus> sourceStatus(SourceFilter f, int limit) {
        return mapper().sourceStatus(f.tenantId().orElse(null), f.sourceType().orElse(null),
                f.sourceId().orElse(null), f.sourcePath().orElse(null), limit).stream()
                .map(r -> new SourceStatus(r.tenantId(), r.sourceType(), r.sourceId(), r.sourcePath(), r.rawCount(),
                        r.canonicalizedCount(), r.parseFailedCount(), r.unsupportedCount(),
                        SqlTimes.parse(r.lastReceivedAt())))
                .toList();
    }
}
