package io.brainstem.adapters.persistence.relational;

import io.brainstem.domain.alert.SyncCursor;
import io.brainstem.domain.envelope.TenantId;

/** One row of {@code alert_sync_cursors}. */
public record SyncCursorRow(String portal, String tenantId, String resumeFrom, String newestStartedAt,
        String syncedAt) {

    public static SyncCursorRow from(SyncCursor c) {
        return new SyncCursorRow(c.portal(), c.tenantId().value(), SqlTimes.format(c.resumeFrom()),
                SqlTimes.format(c.newestStartedAt()), SqlTimes.format(c.syncedAt()));
    }

    public SyncCursor toDomain() {
        return new SyncCursor(portal, TenantId.of(tenantId), SqlTimes.parse(resumeFrom), SqlTimes.parse(newestStartedAt),
                SqlTimes.parse(syncedAt));
    }
}
