package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.IncidentRow;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper for {@code incidents} and {@code incidents_fts}; SQL in IncidentMapper.xml. */
public interface IncidentMapper {

    void insert(IncidentRow row);

    IncidentRow findById(@Param("id") String id);

    List<IncidentRow> findByTenant(@Param("tenantId") String tenantId, @Param("limit") int limit);

    /** {@code match} is FTS5 query text; best bm25 first, then newest; {@code excludedIds} left out. */
    List<IncidentRow> search(@Param("tenantId") String tenantId, @Param("match") String match,
            @Param("excludedIds") Collection<String> excludedIds, @Param("limit") int limit);
}
