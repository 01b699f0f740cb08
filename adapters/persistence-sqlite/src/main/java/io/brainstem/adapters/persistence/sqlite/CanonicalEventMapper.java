package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.CanonicalEventRow;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper for the canonical columns of {@code events}; SQL in CanonicalEventMapper.xml. */
public interface CanonicalEventMapper {

    CanonicalEventRow findById(@Param("id") long id);

    List<CanonicalEventRow> latest(@Param("tenantId") String tenantId, @Param("limit") int limit);
}
