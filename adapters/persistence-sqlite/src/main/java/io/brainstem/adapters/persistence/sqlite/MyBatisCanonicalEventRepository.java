package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.application.port.out.CanonicalEventRepository;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Canonical events in SQLite, keyed by their envelope's id. */
final class MyBatisCanonicalEventRepository implements CanonicalEventRepository {

    private final SqliteDatabase db;

    MyBatisCanonicalEventRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void saveAll(Collection<CanonicalEvent> events) {
        HotPathInserts.upsertEvents(db.connection(), events.stream().map(CanonicalEventRow::from).toList());
    }

    @Override
    public Optional<CanonicalEvent> findById(RawEnvelopeId id) {
        return Optional.ofNullable(db.mapper(CanonicalEventMapper.class).findById(id.value()))
                .map(CanonicalEventRow::toDomain);
    }

    @Override
    public List<CanonicalEvent> latest(TenantId tenant, int limit) {
        return db.mapper(CanonicalEventMapper.class).latest(tenant.value(), limit).stream()
                .map(CanonicalEventRow::toDomain).toList();
    }
}
