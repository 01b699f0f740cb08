package io.brainstem.application.port.out;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Stores signatures; {@code saveAll} inserts new ones and replaces existing ones by id. A signature merged into
 * another ({@link #recordMerge}) is no longer stored as a signature: its id is an alias that resolves to the
 * survivor, for ever (ADR 16).
 */
public interface SignatureRepository {

    void saveAll(Collection<Signature> signatures);

    /** The signature with this id, or the survivor when {@code id} is an alias. */
    Optional<Signature> findById(TenantId tenant, SignatureId id);

    /** The tenant's live signatures (aliases are not listed), most recently seen first, at most {@code limit}. */
    List<Signature> findByTenant(TenantId tenant, int limit);

    /**
     * Records that {@code absorbed} was merged into {@code survivor}: the absorbed signature's row is removed,
     * and {@code absorbed} and every alias of it resolve to {@link #resolve resolve(survivor)} from now on.
     * Aliases always point at a live id, so chains a→b→c resolve to c and there is never a cycle. When both
     * already resolve to the same id this does nothing. The caller saves the survivor (with the absorbed
     * counts) in the same transaction.
     *
     * @throws IllegalArgumentException when {@code absorbed} equals {@code survivor}
     */
    void recordMerge(TenantId tenant, SignatureId absorbed, SignatureId survivor);

    /** The live id {@code id} stands for: the survivor when it is an alias, otherwise {@code id} itself. */
    SignatureId resolve(TenantId tenant, SignatureId id);

    /** The ids merged into the live signature {@code survivor} (directly or through chains), sorted. */
    List<SignatureId> aliasesOf(TenantId tenant, SignatureId survivor);
}
