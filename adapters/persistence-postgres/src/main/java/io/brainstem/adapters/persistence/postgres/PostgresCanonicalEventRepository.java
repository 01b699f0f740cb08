package io.brainstem.adapters.persistence.postgres;

import io.brainstem.adapters.persistence.relational.CanonicalEventRow;
import io.brainstem.adapters.persistence.relational.JsonColumns;
import io.brainstem.application.port.out.CanonicalEventRepository;
import io.brainstem.application.port.out.StorageException;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Canonical events in PostgreSQL: the event columns of their envelope's row. */
final class PostgresCanonicalEventRepository implements CanonicalEventRepository {

    private final PostgresDatabase db;

    PostgresCanonicalEventRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void saveAll(Collection<CanonicalEvent> events) {
        List<CanonicalEventRow> updates = new java.util.ArrayList<>();
        for (CanonicalEvent event : events) {
            if (!db.holdEvent(event)) { // a replayed envelope: its row exists
                updates.add(CanonicalEventRow.from(event, JsonColumns.write(event.fieldSources())));
            }
        }
        if (updates.isEmpty()) {
            return;
        }
        db.rewrite(updates.stream().map(CanonicalEventRow::id).toList(), () -> {
            for (CanonicalEventRow row : updates) {
                db.later(session -> {
                    session.getMapper(EventMapper.class).updateEvent(row);
                    for (var result : session.flushStatements()) {
                        if (!result.getMappedStatement().getId().endsWith(".updateEvent")) {
                            continue;
                        }
                        for (int count : result.getUpdateCounts()) {
                            if (count == 0) {
                                throw new StorageException("canonical event " + row.id()
                                        + " belongs to no stored envelope of its tenant and source");
                            }
                        }
                    }
                });
            }
        });
    }

    @Override
    public Optional<CanonicalEvent> findById(RawEnvelopeId id) {
        return Optional.ofNullable(db.events().findEvent(id.value()))
                .map(CanonicalEventRow::toDomain);
    }

    @Override
    public List<CanonicalEvent> latest(TenantId tenant, int limit) {
        return db.events().latestEvents(tenant.value(), limit).stream()
                .map(CanonicalEventRow::toDomain).toList();
    }
}
