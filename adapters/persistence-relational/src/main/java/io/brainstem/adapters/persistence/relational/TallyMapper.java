package io.brainstem.adapters.persistence.relational;

import io.brainstem.adapters.persistence.relational.EventTallies.Source;
import io.brainstem.adapters.persistence.relational.EventTallies.TallyRow;
import io.brainstem.adapters.persistence.relational.InspectionRows.SourceStatusRow;
import io.brainstem.adapters.persistence.relational.InspectionRows.ValueCountRow;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * {@code event_tallies} (ADR 33) in SQL both stores speak; SQL in TallyMapper.xml. The groupings of {@code events}
 * read the rows a write is about to change or has just changed.
 */
public interface TallyMapper {

    /** Adds {@code events} (negative to remove) to the key's row, made when missing; raises its latest time. */
    void add(TallyRow change);

    /** Drops the key's row when it counts no event. */
    void purge(TallyRow key);

    /** Drops the host's row when it counts no event. */
    void purgeHost(EventTallies.HostRow key);

    /** Sets the key's latest receive time. */
    void setLatest(TallyRow key);

    /** The stored rows of one source that count events. */
    List<TallyRow> ofSource(Source source);

    /** The events of one source, grouped by key and host: a recount. */
    List<TallyRow> recountSource(Source source);

    /** The events with these ids, grouped by key; {@code lock}: locked until the write ends (PostgreSQL only). */
    List<TallyRow> ofIds(@Param("ids") Collection<Long> ids, @Param("lock") boolean lock);

    /** The events with ids {@code from..to}, grouped by key. */
    List<TallyRow> ofRange(@Param("from") long from, @Param("to") long to);

    List<ValueCountRow> statusCounts();

    /** The canonical hosts, most events first (ties by value). */
    List<ValueCountRow> hostCounts(@Param("limit") int limit);

    /** {@code dimension} is interpolated: callers pass only the fixed source dimensions; {@code bit} its absent bit. */
    List<ValueCountRow> dimensionCounts(@Param("dimension") String dimension, @Param("bit") int bit,
            @Param("limit") int limit);

    List<SourceStatusRow> sourceStatus(@Param("tenantId") String tenantId, @Param("sourceType") String sourceType,
            @Param("sourceId") String sourceId, @Param("sourcePath") String sourcePath, @Param("limit") int limit);
}
