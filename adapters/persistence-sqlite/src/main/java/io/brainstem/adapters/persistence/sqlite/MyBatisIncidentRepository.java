package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.ReadModelRows;
import io.brainstem.adapters.persistence.relational.IncidentRow;
import io.brainstem.application.port.out.IncidentRepository;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.memory.Incident;
import io.brainstem.domain.memory.IncidentId;
import java.util.List;
import java.util.Optional;

/** Incidents in SQLite, found again through {@code incidents_fts} (V7). */
final class MyBatisIncidentRepository implements IncidentRepository {

    private final SqliteDatabase db;

    MyBatisIncidentRepository(SqliteDatabase db) {
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

    /**
     * Two queries: the incidents holding every word (best bm25 first), then those holding any of them and not
     * already found. Each word is an FTS5 string, so user text is never query syntax.
     */
    @Override
    public List<Incident> search(Optional<TenantId> tenant, List<String> words, int limit) {
        List<String> terms = ReadModelRows.searchable(words);
        if (terms.isEmpty() || limit <= 0) {
            return List.of();
        }
        String tenantId = tenant.map(TenantId::value).orElse(null);
        IncidentMapper mapper = db.mapper(IncidentMapper.class);
        return ReadModelRows.allWordsThenAny(terms.size(), limit, (all, excluded, n) -> mapper.search(tenantId,
                all ? FtsQueries.allOf(terms) : FtsQueries.anyOf(terms), excluded, n))
                .stream().map(IncidentRow::toDomain).toList();
    }
}
