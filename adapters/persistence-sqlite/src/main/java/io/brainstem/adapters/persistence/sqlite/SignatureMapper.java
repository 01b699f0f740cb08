package io.brainstem.adapters.persistence.sqlite;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper for {@code signatures}; SQL in SignatureMapper.xml. */
public interface SignatureMapper {

    void upsert(SignatureRow row);

    SignatureRow findById(@Param("tenantId") String tenantId, @Param("id") String id);

    List<SignatureRow> findByTenant(@Param("tenantId") String tenantId, @Param("limit") int limit);
}
