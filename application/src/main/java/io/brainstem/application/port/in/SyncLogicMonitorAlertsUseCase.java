package io.brainstem.application.port.in;

import io.brainstem.domain.envelope.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Fetches a LogicMonitor portal's alerts since the tenant's cursor ({@code POST /connectors/logicmonitor/sync}, and
 * the scheduled sync): new alerts become events, alerts that cleared since become their recoveries, nothing is taken
 * twice, and the cursor moves on in the same database (ADR 25). Portal failures are
 * {@link io.brainstem.application.port.out.PortalException}s.
 */
public interface SyncLogicMonitorAlertsUseCase {

    /** Where a first sync starts when the caller does not say. */
    Duration FIRST_SYNC_LOOKBACK = Duration.ofDays(1);

    SyncResult sync(SyncCommand command);

    /** What syncing has done in this process (for {@code /runtime} and metrics). */
    SyncStatus status();

    /**
     * @param since where to start when it is later than the cursor (or there is none); empty: the cursor, or
     *              {@link #FIRST_SYNC_LOOKBACK} ago for a first sync
     */
    record SyncCommand(DatabaseRef database, TenantId tenant, Optional<Instant> since, int threshold) {
        public SyncCommand {
            database = database == null ? DatabaseRef.DEFAULT : database;
            since = since == null ? Optional.empty() : since;
            if (tenant == null) {
                throw new InvalidRequestException("missing_tenant_id", "a tenant is required");
            }
            InvalidRequestException.requireRange("threshold", threshold, 1, IngestEventsUseCase.MAX_THRESHOLD);
        }
    }

    /**
     * @param from              the start-time bound the portal was asked from
     * @param fetched           alerts the portal returned (the same alert may come twice across windows)
     * @param ingested          events written: {@code raised} + {@code cleared}
     * @param raised            new alerts (active, or already cleared)
     * @param cleared           alerts known active before that cleared since
     * @param unchanged         alerts that brought nothing new
     * @param skipped           items the portal returned that were not readable alerts
     * @param requests          HTTP requests made to the portal, retries included
     * @param resumeFrom        where the next sync starts
     */
    record SyncResult(String portal, String tenantId, Instant from, int fetched, int ingested, int raised,
            int cleared, int unchanged, int skipped, int signaturesCreated, int candidatesCreated, int requests,
            Instant resumeFrom) {
    }

    /**
     * @param configured        whether a portal is configured
     * @param interval          the scheduled sync's interval, empty when it is off
     * @param lastError         why the last run failed, empty when it succeeded (or none ran)
     * @param alertsSyncedTotal events written by syncs since the process started
     */
    record SyncStatus(boolean configured, String portal, Optional<Duration> interval, Optional<Instant> lastRunAt,
            Optional<Instant> nextRunAt, Optional<String> lastError, long runs, long failures,
            long alertsSyncedTotal, Optional<SyncResult> lastResult) {
    }
}
