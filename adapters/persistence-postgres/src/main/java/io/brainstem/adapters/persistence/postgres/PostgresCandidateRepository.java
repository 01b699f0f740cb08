package io.brainstem.adapters.persistence.postgres;

import io.brainstem.adapters.persistence.relational.CandidateRow;
import io.brainstem.application.port.out.CandidateRepository;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateId;
import io.brainstem.domain.envelope.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Candidates in PostgreSQL; the evidence is JSONB, so matching a signature or host is an indexable operator. */
final class PostgresCandidateRepository implements CandidateRepository {

    private final PostgresDatabase db;

    PostgresCandidateRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void saveAll(Collection<Candidate> candidates) {
        List<CandidateRow> rows = candidates.stream().map(CandidateRow::from).toList();
        if (!rows.isEmpty()) {
            db.later(session -> rows.forEach(session.getMapper(CandidateMapper.class)::upsert));
        }
    }

    @Override
    public Optional<Candidate> findById(CandidateId id) {
        return Optional.ofNullable(db.mapper(CandidateMapper.class).findById(id.value())).map(CandidateRow::toDomain);
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
        return db.mapper(CandidateMapper.class).findBySignaturesOrHosts(tenant.value(), List.copyOf(signatureIds),
                List.copyOf(hosts), limit).stream().map(CandidateRow::toDomain).toList();
    }
}
