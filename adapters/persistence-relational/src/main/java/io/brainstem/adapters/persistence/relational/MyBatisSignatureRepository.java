package io.brainstem.adapters.persistence.relational;

import io.brainstem.application.port.out.SignatureRepository;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Signatures and the aliases of merged ones in a relational store. */
public final class MyBatisSignatureRepository implements SignatureRepository {

    private final MapperAccess db;

    public MyBatisSignatureRepository(MapperAccess db) {
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
    public void recordMerge(TenantId tenant, SignatureId absorbed, SignatureId survivor) {
        if (absorbed.equals(survivor)) {
            throw new IllegalArgumentException("a signature cannot be merged into itself: " + absorbed);
        }
        String from = resolve(tenant, absorbed).value();
        String to = resolve(tenant, survivor).value();
        if (from.equals(to)) {
            return;
        }
        String t = tenant.value();
        db.later(session -> {
            SignatureMapper mapper = session.getMapper(SignatureMapper.class);
            mapper.repointAliases(t, from, to);
            mapper.insertAlias(t, from, to);
            mapper.delete(t, from);
        });
    }

    @Override
    public SignatureId resolve(TenantId tenant, SignatureId id) {
        String survivor = db.mapper(SignatureMapper.class).resolve(tenant.value(), id.value());
        return survivor == null ? id : new SignatureId(survivor);
    }

    @Override
    public List<SignatureId> aliasesOf(TenantId tenant, SignatureId survivor) {
        return db.mapper(SignatureMapper.class).aliasesOf(tenant.value(), survivor.value()).stream()
                .map(SignatureId::new).toList();
    }

    @Override
    public List<Signature> findByTenant(TenantId tenant, int limit) {
        return db.mapper(SignatureMapper.class).findByTenant(tenant.value(), limit).stream()
                .map(SignatureRow::toDomain).toList();
    }
}
