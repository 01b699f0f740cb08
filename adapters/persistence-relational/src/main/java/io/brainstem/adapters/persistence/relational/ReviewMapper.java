package io.brainstem.adapters.persistence.relational;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper for {@code reviews}; SQL in ReviewMapper.xml. */
public interface ReviewMapper {

    void insert(ReviewRow row);

    ReviewRow findById(@Param("id") String id);

    List<ReviewRow> findBySubject(@Param("tenantId") String tenantId, @Param("subjectType") String subjectType,
            @Param("subjectId") String subjectId, @Param("limit") int limit);

    List<ReviewRow> findByTenant(@Param("tenantId") String tenantId, @Param("limit") int limit);
}
