package io.brainstem.adapters.metrics;

import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase.SyncStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The LogicMonitor sync's status, read at scrape time from the connector's in-memory status (never a query or a
 * portal call): runs, failures, alerts taken in, when it last ran and runs next, and whether the last run failed.
 * No tenant or portal label: one process syncs one portal.
 */
final class LogicMonitorMeters {

    private LogicMonitorMeters() {
    }

    static void register(MeterRegistry registry, Supplier<SyncStatus> status) {
        Gauge.builder("brainstem.logicmonitor.configured", status, s -> s.get().configured() ? 1 : 0)
                .description("1 when a LogicMonitor portal and its credentials are configured").register(registry);
        FunctionCounter.builder("brainstem.logicmonitor.sync.runs", status, s -> s.get().runs())
                .description("Portal syncs run since start (scheduled and POST /connectors/logicmonitor/sync)")
                .register(registry);
        FunctionCounter.builder("brainstem.logicmonitor.sync.failures", status, s -> s.get().failures())
                .description("Portal syncs that failed since start (GET /runtime says why the last one did)")
                .register(registry);
        FunctionCounter.builder("brainstem.logicmonitor.alerts.synced", status, s -> s.get().alertsSyncedTotal())
                .description("Alert changes (raised or cleared) taken in by portal syncs since start")
                .register(registry);
        Gauge.builder("brainstem.logicmonitor.sync.last.failed", status, s -> s.get().lastError().isPresent() ? 1 : 0)
                .description("1 when the last portal sync failed").register(registry);
        Gauge.builder("brainstem.logicmonitor.sync.last.run.timestamp.seconds", status,
                        s -> seconds(s.get().lastRunAt()))
                .description("When the last portal sync ended (Unix time); NaN before the first").register(registry);
        Gauge.builder("brainstem.logicmonitor.sync.next.run.timestamp.seconds", status,
                        s -> seconds(s.get().nextRunAt()))
                .description("When the scheduled sync runs next (Unix time); NaN without BRAINSTEM_LM_SYNC_INTERVAL")
                .register(registry);
        Gauge.builder("brainstem.logicmonitor.sync.last.requests", status,
                        s -> s.get().lastResult().map(r -> (double) r.requests()).orElse(Double.NaN))
                .description("Portal requests the last successful sync made").register(registry);
    }

    private static double seconds(Optional<Instant> at) {
        return at.map(t -> t.toEpochMilli() / 1000.0).orElse(Double.NaN);
    }
}
