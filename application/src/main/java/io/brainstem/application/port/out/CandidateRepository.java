package io.brainstem.application.port.out;

import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateId;
import io.brainstem.domain.envelope.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stores candidates; {@code saveAll} inserts new ones and replaces existing ones by id. */
public interface CandidateRepository {

    void saveAll(Collection<Candidate> candidates);

    Optional<Candidate> findById(CandidateId id);

    /** The tenant's candidates, highest score first, at most {@code limit}. */
    List<Candidate> findByTenant(TenantId tenant, int limit);

    /**
     * The tenant's candidates whose evidence names one of {@code signatureIds} or one of {@code hosts}, highest
     * score first, at most {@code limit}. Either collection may be empty.
     */
    List<Candidate> findBySignaturesOrHosts(TenantId tenant, Collection<String> signatureIds,
            Collection<String> hosts, int limit);
}
