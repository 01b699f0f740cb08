package io.brainstem.adapters.persistence.relational;

import io.brainstem.domain.alert.AlertHistory;
import io.brainstem.domain.envelope.TenantId;
import java.util.Optional;

/** One row of {@code alert_histories}; the clearing columns are both null while the alert is active. */
public record AlertHistoryRow(String portal, String tenantId, String alertId, String startedAt, long raisedEventId,
        String clearedAt, Long clearedEventId, String updatedAt) {

    public static AlertHistoryRow from(AlertHistory h) {
        return new AlertHistoryRow(h.portal(), h.tenantId().value(), h.alertId(), SqlTimes.format(h.startedAt()),
                h.raisedEventId(), h.clearedAt().map(SqlTimes::format).orElse(null), h.clearedEventId().orElse(null),
                SqlTimes.format(h.updatedAt()));
    }

    public AlertHistory toDomain() {
        return new AlertHistory(portal, TenantId.of(tenantId), alertId, SqlTimes.parse(startedAt), raisedEventId,
                Optional.ofNullable(clearedAt).map(SqlTimes::parse), Optional.ofNullable(clearedEventId),
                SqlTimes.parse(updatedAt));
    }
}
