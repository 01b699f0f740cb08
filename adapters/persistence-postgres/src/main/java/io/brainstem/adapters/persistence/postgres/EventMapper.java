package io.brainstem.adapters.persistence.postgres;

import io.brainstem.adapters.persistence.relational.CanonicalEventRow;
import io.brainstem.adapters.persistence.relational.InspectionRows.IdTimeRow;
import io.brainstem.adapters.persistence.relational.RawEnvelopeRow;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The rows of {@code events}: each envelope with its canonical event. */
interface EventMapper {

    List<Long> nextIds(@Param("n") int n);

    void updateOutcome(RawEnvelopeRow row);

    /** Counts 0 (in the batch's results) when no envelope of this id, tenant and source is stored. */
    void updateEvent(CanonicalEventRow row);

    RawEnvelopeRow findEnvelope(@Param("id") long id);

    List<RawEnvelopeRow> findEnvelopes(@Param("ids") Collection<Long> ids);

    List<RawEnvelopeRow> findAfter(@Param("afterId") long afterId, @Param("statuses") List<String> statuses,
            @Param("since") Long since, @Param("limit") int limit);

    List<IdTimeRow> oldest(@Param("limit") int limit);

    /** Deletes ids {@code from..to}; returns what the rows deleted counted in {@code event_tallies} (ADR 33). */
    List<io.brainstem.adapters.persistence.relational.EventTallies.TallyRow> deleteRange(@Param("from") long from,
            @Param("to") long to);

    CanonicalEventRow findEvent(@Param("id") long id);

    List<CanonicalEventRow> latestEvents(@Param("tenantId") String tenantId, @Param("limit") int limit);
}
