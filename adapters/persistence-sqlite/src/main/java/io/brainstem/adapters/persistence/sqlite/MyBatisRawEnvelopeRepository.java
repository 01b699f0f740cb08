package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.InspectionRows;

import io.brainstem.adapters.persistence.relational.SqlTimes;
import io.brainstem.adapters.persistence.relational.TallyMapper;
import io.brainstem.adapters.persistence.relational.RawEnvelopeRow;
import io.brainstem.application.port.out.RawEnvelopeRepository;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.application.port.out.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
            List<Long> ids = updates.stream().map(RawEnvelopeRow::id).toList();
            db.later(session -> Tallied.rewrite(session, db.tallies(), ids,
                    () -> updates.forEach(session.getMapper(RawEnvelopeMapper.class)::updateOutcome)));
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

    /**
     * Deletes the longest run of envelopes from the lowest id on that were all received before {@code cutoff},
     * at most {@code maxRows}: ids ascend with receipt, so that is every envelope older than the cutoff, read
     * without a scan of the younger rows (there is no index on the receive time). Should the clock have stepped
     * back, an older envelope behind a younger one waits until the younger one is old too. The summaries of
     * blocks left empty go with them, and every message index partition whose events are all gone now; the index
     * rows of a partition still partly alive stay until it goes (ADR 34: deleting them one by one stalled intake).
     */
    @Override
    public int deleteReceivedBefore(Instant cutoff, int maxRows) {
        if (maxRows <= 0) {
            return 0;
        }
        db.flushHeld();
        long before = SqlTimes.micros(cutoff);
        List<InspectionRows.IdTimeRow> oldest = db.mapper(RawEnvelopeMapper.class).oldest(maxRows);
        int n = 0;
        while (n < oldest.size() && oldest.get(n).receivedAt() < before) {
            n++;
        }
        if (n == 0) {
            return 0;
        }
        long from = oldest.getFirst().id();
        long to = oldest.get(n - 1).id();
        // what goes, counted out of event_tallies in the same transaction (ADR 33)
        db.tallies().deleted(db.mapper(TallyMapper.class).ofRange(from, to));
        Connection c = db.flushedConnection();
        try (PreparedStatement rows = c.prepareStatement("DELETE FROM events WHERE id BETWEEN ? AND ?")) {
            rows.setLong(1, from);
            rows.setLong(2, to);
            rows.executeUpdate();
            MessageIndex.expired(c, to);
        } catch (SQLException e) {
            throw new StorageException("cannot delete expired envelopes: " + e.getMessage(), e);
        }
        db.blocks().deleteEmptied(c, from, to);
        return n;
    }

    @Override
    public Optional<Instant> oldestReceivedAt() {
        db.flushHeld();
        List<InspectionRows.IdTimeRow> oldest = db.mapper(RawEnvelopeMapper.class).oldest(1);
        return oldest.stream().findFirst().map(r -> SqlTimes.fromMicros(r.receivedAt()));
    }
}
