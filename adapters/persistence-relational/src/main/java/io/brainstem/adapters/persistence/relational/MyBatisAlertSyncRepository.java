package io.brainstem.adapters.persistence.relational;

import io.brainstem.application.port.out.AlertSyncRepository;
import io.brainstem.domain.alert.AlertHistory;
import io.brainstem.domain.alert.SyncCursor;
import io.brainstem.domain.envelope.TenantId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Alert histories and sync cursors in a relational store (V9). */
public final class MyBatisAlertSyncRepository implements AlertSyncRepository {

    /** Ids per query: well below SQLite's limit on bound parameters. */
    public static final int IDS_PER_QUERY = 900;

    private final MapperAccess db;

    public MyBatisAlertSyncRepository(MapperAccess db) {
        this.db = db;
    }

    @Override
    public Map<String, AlertHistory> findHistories(String portal, TenantId tenant, Collection<String> alertIds) {
        Map<String, AlertHistory> found = new HashMap<>();
        List<String> ids = List.copyOf(alertIds);
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            db.mapper(AlertSyncMapper.class).findHistories(portal, tenant.value(), chunk)
                    .forEach(row -> found.put(row.alertId(), row.toDomain()));
        }
        return found;
    }

    @Override
    public void saveHistories(Collection<AlertHistory> histories) {
        List<AlertHistoryRow> rows = histories.stream().map(AlertHistoryRow::from).toList();
        if (!rows.isEmpty()) {
            db.later(session -> {
                AlertSyncMapper mapper = session.getMapper(AlertSyncMapper.class);
                rows.forEach(mapper::saveHistory);
            });
        }
    }

    @Override
    public Optional<SyncCursor> cursor(String portal, TenantId tenant) {
        return Optional.ofNullable(db.mapper(AlertSyncMapper.class).cursor(portal, tenant.value()))
                .map(SyncCursorRow::toDomain);
    }

    @Override
    public void saveCursor(SyncCursor cursor) {
        SyncCursorRow row = SyncCursorRow.from(cursor);
        db.later(session -> session.getMapper(AlertSyncMapper.class).saveCursor(row));
    }
}
