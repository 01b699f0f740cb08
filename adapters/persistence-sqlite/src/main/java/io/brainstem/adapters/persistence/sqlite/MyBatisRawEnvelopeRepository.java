package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.application.port.out.RawEnvelopeRepository;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Raw envelopes in SQLite. Ids ascend: the database hands them out in memory and reads the current maximum
 * again whenever another process may have written the file (see {@link SqliteDatabase#allocateIds}).
 */
final class MyBatisRawEnvelopeRepository implements RawEnvelopeRepository {

    private final SqliteDatabase db;

    MyBatisRawEnvelopeRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public List<RawEnvelope> receiveAll(List<EnvelopeContent> contents, Instant receivedAt) {
        long next = db.allocateIds(contents.size());
        List<RawEnvelope> out = new ArrayList<>(contents.size());
        for (EnvelopeContent content : contents) {
            RawEnvelope envelope = RawEnvelope.receive(new RawEnvelopeId(next++), content, receivedAt);
            db.holdReceived(envelope); // inserted at commit, with its outcome and event
            out.add(envelope);
        }
        return out;
    }

    @Override
    public void saveOutcomes(Collection<RawEnvelope> envelopes) {
        List<RawEnvelopeRow> updates = new ArrayList<>();
        for (RawEnvelope envelope : envelopes) {
            if (!db.holdOutcome(envelope)) {
                updates.add(RawEnvelopeRow.from(envelope));
            }
        }
        if (!updates.isEmpty()) {
            db.later(session -> updates.forEach(session.getMapper(RawEnvelopeMapper.class)::updateOutcome));
        }
    }

    @Override
    public Optional<RawEnvelope> findById(RawEnvelopeId id) {
        db.flushHeld();
        return Optional.ofNullable(db.mapper(RawEnvelopeMapper.class).findById(id.value()))
                .map(RawEnvelopeRow::toDomain);
    }

    @Override
    public List<RawEnvelope> findByIds(Collection<RawEnvelopeId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        db.flushHeld();
        return db.mapper(RawEnvelopeMapper.class).findByIds(ids.stream().map(RawEnvelopeId::value).toList())
                .stream().map(RawEnvelopeRow::toDomain).toList();
    }

    @Override
    public List<RawEnvelope> findAfter(long afterId, Collection<EnvelopeStatus> statuses, Instant since, int limit) {
        db.flushHeld();
        return db.mapper(RawEnvelopeMapper.class)
                .findAfter(afterId, statuses.stream().map(EnvelopeStatus::wireName).toList(),
                        SqlTimes.micros(since), limit)
                .stream().map(RawEnvelopeRow::toDomain).toList();
    }
}
