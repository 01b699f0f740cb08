package io.brainstem.adapters.persistence.postgres;

import io.brainstem.adapters.persistence.relational.IncidentRow;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper for {@code incidents}; SQL in IncidentMapper.xml. */
interface IncidentMapper {

    void insert(IncidentRow row);

    IncidentRow findById(@Param("id") String id);

    List<IncidentRow> findByTenant(@Param("tenantId") String tenantId, @Param("limit") int limit);

    /**
     * Incidents whose stemmed words hold every word ({@code all}) or any of them; best rank first, then newest;
     * {@code excludedIds} left out.
     */
    List<IncidentRow> search(@Param("tenantId") String tenantId, @Param("words") List<String> words,
            @Param("all") boolean all, @Param("excludedIds") Collection<String> excludedIds,
            @Param("limit") int limit);
}
