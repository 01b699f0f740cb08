package io.brainstem.adapters.persistence.relational;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper for {@code alert_histories} and {@code alert_sync_cursors}; SQL in AlertSyncMapper.xml. */
public interface AlertSyncMapper {

    List<AlertHistoryRow> findHistories(@Param("portal") String portal, @Param("tenantId") String tenantId,
            @Param("alertIds") Collection<String> alertIds);

    void saveHistory(AlertHistoryRow row);

    SyncCursorRow cursor(@Param("portal") String portal, @Param("tenantId") String tenantId);

    void saveCursor(SyncCursorRow row);
}
