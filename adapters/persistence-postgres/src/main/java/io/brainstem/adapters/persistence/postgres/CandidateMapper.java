package io.brainstem.adapters.persistence.postgres;

import io.brainstem.adapters.persistence.relational.CandidateRow;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper for {@code candidates}; SQL in CandidateMapper.xml (evidence is JSONB). */
interface CandidateMapper {

    void upsert(CandidateRow row);

    CandidateRow findById(@Param("id") String id);

    List<CandidateRow> findBySignaturesOrHosts(@Param("tenantId") String tenantId,
            @Param("signatureIds") Collection<String> signatureIds, @Param("hosts") Collection<String> hosts,
            @Param("limit") int limit);

    List<CandidateRow> findByTenant(@Param("tenantId") String tenantId, @Param("limit") int limit);
}
