package io.brainstem.adapters.persistence.postgres;

import io.brainstem.adapters.persistence.relational.ReadModelRows;
import io.brainstem.adapters.persistence.relational.IncidentRow;
import io.brainstem.application.port.out.IncidentRepository;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.memory.Incident;
import io.brainstem.domain.memory.IncidentId;
import java.util.List;
import java.util.Optional;

/** Incidents in PostgreSQL, searched through a stemmed, weighted tsvector (V1). */
final class PostgresIncidentRepository implements IncidentRepository {

    private final PostgresDatabase db;

    PostgresIncidentRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void save(Incident incident) {
        IncidentRow row = IncidentRow.from(incident);
        db.later(session -> session.getMapper(IncidentMapper.class).insert(row));
    }

    @Override
    public Optional<Incident> findById(IncidentId id) {
        return Optional.ofNullable(db.mapper(IncidentMapper.class).findById(id.value())).map(IncidentRow::toDomain);
    }

    @Override
    public List<Incident> findByTenant(TenantId tenant, int limit) {
        return db.mapper(IncidentMapper.class).findByTenant(tenant.value(), limit).stream()
                .map(IncidentRow::toDomain).toList();
    }

    /** The incidents holding every word first (best rank first), then those holding any of them. */
    @Override
    public List<Incident> search(Optional<TenantId> tenant, List<String> words, int limit) {
        List<String> terms = ReadModelRows.searchable(words);
        if (terms.isEmpty() || limit <= 0) {
            return List.of();
        }
        String tenantId = tenant.map(TenantId::value).orElse(null);
        IncidentMapper mapper = db.mapper(IncidentMapper.class);
        return ReadModelRows.allWordsThenAny(terms.size(), limit,
                (all, excluded, n) -> mapper.search(tenantId, terms, all, excluded, n))
                .stream().map(IncidentRow::toDomain).toList();
    }
}
