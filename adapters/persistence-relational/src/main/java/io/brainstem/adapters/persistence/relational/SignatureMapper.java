package io.brainstem.adapters.persistence.relational;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper for {@code signatures}; SQL in SignatureMapper.xml. */
public interface SignatureMapper {

    void upsert(SignatureRow row);

    /** The signature with this id, or the survivor when {@code id} is an alias. */
    SignatureRow findById(@Param("tenantId") String tenantId, @Param("id") String id);

    List<SignatureRow> findByTenant(@Param("tenantId") String tenantId, @Param("limit") int limit);

    /** The survivor of an alias, or null when {@code id} is no alias. */
    String resolve(@Param("tenantId") String tenantId, @Param("id") String id);

    List<String> aliasesOf(@Param("tenantId") String tenantId, @Param("survivorId") String survivorId);

    void repointAliases(@Param("tenantId") String tenantId, @Param("from") String from, @Param("to") String to);

    void insertAlias(@Param("tenantId") String tenantId, @Param("from") String from, @Param("to") String to);

    void delete(@Param("tenantId") String tenantId, @Param("id") String id);
}
