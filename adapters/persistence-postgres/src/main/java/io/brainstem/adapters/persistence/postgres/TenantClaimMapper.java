package io.brainstem.adapters.persistence.postgres;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The claim of a tenant by a write (ADR 28): one statement that locks the tenant's row and counts the write. */
interface TenantClaimMapper {

    /** The writes of the tenant committed before this one; the row stays locked until this write ends. */
    @Select("INSERT INTO tenant_claims (tenant_id, writes) VALUES (#{tenantId}, 1)"
            + " ON CONFLICT (tenant_id) DO UPDATE SET writes = tenant_claims.writes + 1 RETURNING writes - 1")
    long claim(@Param("tenantId") String tenantId);
}
