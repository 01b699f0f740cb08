package io.brainstem.bootstrap;

import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.application.port.in.RetainRecentEventsUseCase;
import io.brainstem.application.port.in.RuntimeQueries;
import io.brainstem.application.port.in.RuntimeQueries.Store;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The runtime snapshot of this process: settings plus live counters of each intake channel. */
final class ProcessRuntime implements RuntimeQueries {

    private final BrainstemSettings settings;
    private final Map<String, Supplier<Map<String, Long>>> intake = new ConcurrentHashMap<>();

    private final Optional<? extends RetainRecentEventsUseCase> retention;
    private final Optional<? extends SyncLogicMonitorAlertsUseCase> logicMonitor;

    private final Store store;
    private final java.util.function.LongSupplier failedWritesInARow;

    ProcessRuntime(BrainstemSettings settings, Optional<? extends RetainRecentEventsUseCase> retention,
            Optional<? extends SyncLogicMonitorAlertsUseCase> logicMonitor, Store store,
            java.util.function.LongSupplier failedWritesInARow) {
        this.settings = settings;
        this.retention = retention;
        this.logicMonitor = logicMonitor;
        this.store = store;
        this.failedWritesInARow = failedWritesInARow;
    }

    void registerIntake(String channel, Supplier<Map<String, Long>> counters) {
        intake.put(channel, counters);
    }

    @Override
    public RuntimeSnapshot snapshot() {
        Map<String, Map<String, Long>> counters = new java.util.TreeMap<>();
        intake.forEach((k, v) -> counters.put(k, v.get()));
        return new RuntimeSnapshot(BrainstemVersion.current(), settings.apiToken().isPresent(),
                new Defaults(IngestEventsUseCase.DEFAULT_THRESHOLD, settings.dbPath().toString(),
                        settings.dataDir().toString(), settings.defaultTenant().value(), 20),
                new Limits(settings.limits().maxBodyBytes(), settings.limits().maxBatchEvents(),
                        settings.limits().maxLimit(), IngestEventsUseCase.MAX_THRESHOLD),
                new Listener(settings.syslogHost(), settings.syslogUdpPort(), settings.syslogTcpPort(),
                        settings.defaultTenant().value(), "syslog"),
                counters, retention.map(RetainRecentEventsUseCase::status),
                logicMonitor.map(SyncLogicMonitorAlertsUseCase::status),
                store.withFailedWritesInARow(failedWritesInARow.getAsLong()));
    }
}
