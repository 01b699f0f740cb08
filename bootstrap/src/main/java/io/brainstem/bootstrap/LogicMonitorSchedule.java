package io.brainstem.bootstrap;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase.SyncCommand;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase.SyncResult;
import io.brainstem.application.service.LogicMonitorService;
import io.brainstem.domain.envelope.TenantId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The scheduled LogicMonitor sync ({@code BRAINSTEM_LM_SYNC_INTERVAL}): the same use case as
 * {@code POST /connectors/logicmonitor/sync}, for the sync tenant in the default database, a first run shortly after
 * start and then one every interval after the last ended. The thread survives a failing sync (logged, and on
 * {@code /runtime}); the next run time is told to the service for {@code /runtime}.
 */
final class LogicMonitorSchedule implements AutoCloseable {

    static final Duration FIRST_RUN = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(LogicMonitorSchedule.class.getName());

    private final LogicMonitorService service;
    private final TenantId tenant;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    private LogicMonitorSchedule(LogicMonitorService service, TenantId tenant, Duration interval, Clock clock) {
        this.service = service;
        this.tenant = tenant;
        this.interval = interval;
        this.clock = clock;
        this.executor = ScheduledJobs.daemon("brainstem-logicmonitor-sync");
    }

    static LogicMonitorSchedule start(LogicMonitorService service, TenantId tenant, Duration interval,
            Duration first, Clock clock) {
        LogicMonitorSchedule schedule = new LogicMonitorSchedule(service, tenant, interval, clock);
        service.scheduled(interval, clock.instant().plus(first));
        schedule.executor.scheduleWithFixedDelay(schedule::syncQuietly, first.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return schedule;
    }

    /** One sync; never throws, so the schedule keeps running. */
    void syncQuietly() {
        try {
            SyncResult r = service.sync(new SyncCommand(DatabaseRef.DEFAULT, tenant, Optional.empty(),
                    IngestEventsUseCase.DEFAULT_THRESHOLD));
            if (r.ingested() > 0) {
                LOG.log(Level.INFO, "LogicMonitor sync of {0} for {1}: {2} events ({3} new alerts, {4} cleared) in {5}"
                        + " requests", r.portal(), r.tenantId(), r.ingested(), r.raised(), r.cleared(), r.requests());
            }
        } catch (Throwable t) { // NOPMD: a scheduled task that throws is never run again, silently
            // the message of a portal failure says what to do and holds no credential; no stack trace for those
            LOG.log(Level.WARNING, "LogicMonitor sync failed; the next one runs in " + interval.toSeconds() + " s: "
                    + t.getMessage());
        } finally {
            service.scheduled(interval, clock.instant().plus(interval));
        }
    }

    @Override
    public void close() {
        ScheduledJobs.stop(executor);
    }
}
