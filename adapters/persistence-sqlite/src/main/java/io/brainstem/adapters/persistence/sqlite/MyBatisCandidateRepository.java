package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.JsonColumns;
import io.brainstem.adapters.persistence.relational.CandidateRow;
import io.brainstem.application.port.out.CandidateRepository;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateId;
import io.brainstem.domain.envelope.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Candidates in SQLite. */
final class MyBatisCandidateRepository implements CandidateRepository {

    private final SqliteDatabase db;

    MyBatisCandidateRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void saveAll(Collection<Candidate> candidates) {
        List<CandidateRow> rows = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            rows.add(CandidateRow.from(candidate));
        }
        if (!rows.isEmpty()) {
            db.later(session -> rows.forEach(session.getMapper(CandidateMapper.class)::upsert));
        }
    }

    @Override
    public Optional<Candidate> findById(CandidateId id) {
        return Optional.ofNullable(db.mapper(CandidateMapper.class).findById(id.value()))
                .map(CandidateRow::toDomain);
    }

    @Override
    public List<Candidate> findByTenant(TenantId tenant, int limit) {
        return db.mapper(CandidateMapper.class).findByTenant(tenant.value(), limit).stream()
                .map(CandidateRow::toDomain).toList();
    }

    @Override
    public List<Candidate> findBySignaturesOrHosts(TenantId tenant, Collection<String> signatureIds,
            Collection<String> hosts, int limit) {
        if (signatureIds.isEmpty() && hosts.isEmpty()) {
            return List.of();
        }
        // each value as the evidence JSON spells it (quoted, escaped): what instr() looks for before json_each
        List<String> needles = java.util.stream.Stream.concat(signatureIds.stream(), hosts.stream())
                .map(JsonColumns::write).distinct().toList();
        return db.mapper(CandidateMapper.class).findBySignaturesOrHosts(tenant.value(), List.copyOf(signatureIds),
                List.copyOf(hosts), needles, limit).stream().map(CandidateRow::toDomain).toList();
    }
}
