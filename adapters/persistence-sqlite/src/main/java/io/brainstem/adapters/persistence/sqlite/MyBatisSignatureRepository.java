package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.application.port.out.SignatureRepository;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Signatures in SQLite. */
final class MyBatisSignatureRepository implements SignatureRepository {

    private final SqliteDatabase db;

    MyBatisSignatureRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void saveAll(Collection<Signature> signatures) {
        List<SignatureRow> rows = new ArrayList<>(signatures.size());
        for (Signature signature : signatures) {
            rows.add(SignatureRow.from(signature));
        }
        if (!rows.isEmpty()) {
            db.later(session -> rows.forEach(session.getMapper(SignatureMapper.class)::upsert));
        }
    }

    @Override
    public Optional<Signature> findById(TenantId tenant, SignatureId id) {
        return Optional.ofNullable(db.mapper(SignatureMapper.class).findById(tenant.value(), id.value()))
                .map(SignatureRow::toDomain);
    }

    @Override
    public List<Signature> findByTenant(TenantId tenant, int limit) {
        return db.mapper(SignatureMapper.class).findByTenant(tenant.value(), limit).stream()
                .map(SignatureRow::toDomain).toList();
    }
}
