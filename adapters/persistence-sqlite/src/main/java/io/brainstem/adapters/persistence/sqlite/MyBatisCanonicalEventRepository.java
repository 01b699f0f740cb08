package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.CanonicalEventRow;
import io.brainstem.application.port.out.CanonicalEventRepository;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Canonical events in SQLite: the canonical columns of their envelope's row of {@code events}. */
final class MyBatisCanonicalEventRepository implements CanonicalEventRepository {

    private final SqliteDatabase db;

    MyBatisCanonicalEventRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void saveAll(Collection<CanonicalEvent> events) {
        List<CanonicalEvent> updates = new ArrayList<>();
        for (CanonicalEvent event : events) {
            if (!db.holdEvent(event)) {
                updates.add(event);
            }
        }
        if (!updates.isEmpty()) {
            List<Long> ids = updates.stream().map(e -> e.id().value()).toList();
            db.later(session -> Tallied.rewrite(session, db.tallies(), ids,
                    () -> HotPathInserts.update(db.statements(), session.getConnection(), updates, db.blocks(),
                            db.messages())));
        }
    }

    @Override
    public Optional<CanonicalEvent> findById(RawEnvelopeId id) {
        db.flushHeld();
        return Optional.ofNullable(db.mapper(CanonicalEventMapper.class).findById(id.value()))
                .map(CanonicalEventRow::toDomain);
    }

    @Override
    public List<CanonicalEvent> latest(TenantId tenant, int limit) {
        db.flushHeld();
        return db.mapper(CanonicalEventMapper.class).latest(tenant.value(), limit).stream()
                .map(CanonicalEventRow::toDomain).toList();
    }
}
