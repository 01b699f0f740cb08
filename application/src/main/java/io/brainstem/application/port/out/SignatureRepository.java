package io.brainstem.application.port.out;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stores signatures; {@code saveAll} inserts new ones and replaces existing ones by id. */
public interface SignatureRepository {

    void saveAll(Collection<Signature> signatures);

    Optional<Signature> findById(TenantId tenant, SignatureId id);

    /** The tenant's signatures, most recently seen first, at most {@code limit}. */
    List<Signature> findByTenant(TenantId tenant, int limit);
}
