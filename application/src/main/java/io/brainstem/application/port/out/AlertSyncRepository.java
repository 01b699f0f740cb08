package io.brainstem.application.port.out;

import io.brainstem.domain.alert.AlertHistory;
import io.brainstem.domain.alert.SyncCursor;
import io.brainstem.domain.envelope.TenantId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What brainstem remembers of alerts it takes from a monitoring platform (ADR 25): each alert's history, keyed by
 * portal, tenant and alert id, and per portal and tenant the cursor where the next sync starts. Written in the same
 * transaction as the events they refer to, so that a restart neither repeats nor skips an alert.
 */
public interface AlertSyncRepository {

    /** The histories of those of {@code alertIds} that are known, by alert id. */
    Map<String, AlertHistory> findHistories(String portal, TenantId tenant, Collection<String> alertIds);

    /** Stores each history, replacing the one of the same portal, tenant and alert id. */
    void saveHistories(Collection<AlertHistory> histories);

    Optional<SyncCursor> cursor(String portal, TenantId tenant);

    /** Stores the cursor, replacing the one of the same portal and tenant. */
    void saveCursor(SyncCursor cursor);
}
