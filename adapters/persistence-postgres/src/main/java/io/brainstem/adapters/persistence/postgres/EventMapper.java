package io.brainstem.adapters.persistence.postgres;

import io.brainstem.adapters.persistence.relational.CanonicalEventRow;
import io.brainstem.adapters.persistence.relational.InspectionRows.IdTimeRow;
import io.brainstem.adapters.persistence.relational.RawEnvelopeRow;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The rows of {@code events}: each envelope with its canonical event. */
interface EventMapper {

    /** An envelope and its event as inserted at commit; an envelope without one has an all-null event row. */
    record InsertRow(RawEnvelopeRow env, CanonicalEventRow ev) {
    }

    List<Long> nextIds(@Param("n") int n);

    void insertAll(@Param("rows") List<InsertRow> rows);

    void updateOutcome(RawEnvelopeRow row);

    /** 0 when no envelope of this id, tenant and source is stored. */
    int updateEvent(CanonicalEventRow row);

    RawEnvelopeRow findEnvelope(@Param("id") long id);

    List<RawEnvelopeRow> findEnvelopes(@Param("ids") Collection<Long> ids);

    List<RawEnvelopeRow> findAfter(@Param("afterId") long afterId, @Param("statuses") List<String> statuses,
            @Param("since") Long since, @Param("limit") int limit);

    List<IdTimeRow> oldest(@Param("limit") int limit);

    int deleteRange(@Param("from") long from, @Param("to") long to);

    CanonicalEventRow findEvent(@Param("id") long id);

    List<CanonicalEventRow> latestEvents(@Param("tenantId") String tenantId, @Param("limit") int limit);
}
