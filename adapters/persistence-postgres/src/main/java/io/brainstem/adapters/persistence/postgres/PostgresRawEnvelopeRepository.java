package io.brainstem.adapters.persistence.postgres;

import io.brainstem.adapters.persistence.relational.InspectionRows.IdTimeRow;
import io.brainstem.adapters.persistence.relational.RawEnvelopeRow;
import io.brainstem.adapters.persistence.relational.SqlTimes;
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

/** Raw envelopes in PostgreSQL: ids from the database's sequence, rows inserted at commit (ADR 27). */
final class PostgresRawEnvelopeRepository implements RawEnvelopeRepository {

    private final PostgresDatabase db;

    PostgresRawEnvelopeRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public List<RawEnvelope> receiveAll(List<EnvelopeContent> contents, Instant receivedAt) {
        if (contents.isEmpty()) {
            return List.of();
        }
        List<Long> ids = db.allocateIds(contents.size());
        List<RawEnvelope> out = new ArrayList<>(contents.size());
        for (int i = 0; i < contents.size(); i++) {
            RawEnvelope envelope = RawEnvelope.receive(new RawEnvelopeId(ids.get(i)), contents.get(i), receivedAt);
            db.holdReceived(envelope);
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
            db.rewrite(updates.stream().map(RawEnvelopeRow::id).toList(), () -> updates.forEach(
                    row -> db.later(session -> session.getMapper(EventMapper.class).updateOutcome(row))));
        }
    }

    @Override
    public Optional<RawEnvelope> findById(RawEnvelopeId id) {
        return Optional.ofNullable(db.events().findEnvelope(id.value()))
                .map(RawEnvelopeRow::toDomain);
    }

    @Override
    public List<RawEnvelope> findByIds(Collection<RawEnvelopeId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.events().findEnvelopes(ids.stream().map(RawEnvelopeId::value).toList()).stream()
                .map(RawEnvelopeRow::toDomain).toList();
    }

    @Override
    public List<RawEnvelope> findAfter(long afterId, Collection<EnvelopeStatus> statuses, Instant since, int limit) {
        return db.events()
                .findAfter(afterId, statuses.stream().map(EnvelopeStatus::wireName).toList(), SqlTimes.micros(since),
                        limit)
                .stream().map(RawEnvelopeRow::toDomain).toList();
    }

    /**
     * Deletes the longest run of envelopes from the lowest id on that were all received before {@code cutoff}, at
     * most {@code maxRows}, as the SQLite store does: ids ascend with receipt.
     */
    @Override
    public int deleteReceivedBefore(Instant cutoff, int maxRows) {
        if (maxRows <= 0) {
            return 0;
        }
        long before = SqlTimes.micros(cutoff);
        EventMapper mapper = db.events();
        List<IdTimeRow> oldest = mapper.oldest(maxRows);
        int n = 0;
        while (n < oldest.size() && oldest.get(n).receivedAt() < before) {
            n++;
        }
        if (n == 0) {
            return 0;
        }
        // exactly the n rows listed; what they counted leaves event_tallies in the same transaction (ADR 33), as
        // deleted: another node's replay may have changed a row since it was listed
        db.tallies().deleted(mapper.deleteRange(oldest.getFirst().id(), oldest.get(n - 1).id()));
        return n;
    }

    @Override
    public Optional<Instant> oldestReceivedAt() {
        return db.events().oldest(1).stream().findFirst()
                .map(r -> SqlTimes.fromMicros(r.receivedAt()));
    }
}
