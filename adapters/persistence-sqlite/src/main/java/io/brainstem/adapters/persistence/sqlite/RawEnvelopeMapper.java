package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.InspectionRows;

import io.brainstem.adapters.persistence.relational.RawEnvelopeRow;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper for {@code raw_envelopes}; SQL in RawEnvelopeMapper.xml. */
public interface RawEnvelopeMapper {

    long maxId();

    /** The first {@code limit} rows by id, with their receive time (retention). */
    List<InspectionRows.IdTimeRow> oldest(@Param("limit") int limit);

    void updateOutcome(RawEnvelopeRow row);

    RawEnvelopeRow findById(@Param("id") long id);

    List<RawEnvelopeRow> findByIds(@Param("ids") Collection<Long> ids);

    List<RawEnvelopeRow> findAfter(@Param("afterId") long afterId, @Param("statuses") Collection<String> statuses,
            @Param("since") Long since, @Param("limit") int limit);
}
