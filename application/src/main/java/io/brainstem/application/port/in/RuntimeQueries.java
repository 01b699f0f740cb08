package io.brainstem.application.port.in;

import java.util.Map;
import java.util.Optional;

/** What the running process is and does: version, auth, defaults, limits and intake counters. */
public interface RuntimeQueries {

    RuntimeSnapshot snapshot();

    /**
     * @param intake per intake channel (e.g. {@code syslog_udp}), counters such as received, stored, dropped
     */
    record RuntimeSnapshot(String version, boolean apiTokenEnabled, Defaults defaults, Limits limits,
            Listener listener, Map<String, Map<String, Long>> intake,
            Optional<RetainRecentEventsUseCase.RetentionStatus> retention,
            Optional<SyncLogicMonitorAlertsUseCase.SyncStatus> logicMonitor, Store store) {
        public RuntimeSnapshot {
            intake = Map.copyOf(intake);
            logicMonitor = logicMonitor == null ? Optional.empty() : logicMonitor;
        }

        /** A process that deletes nothing (retention off), on an embedded store at {@code defaults.dbPath}. */
        public RuntimeSnapshot(String version, boolean apiTokenEnabled, Defaults defaults, Limits limits,
                Listener listener, Map<String, Map<String, Long>> intake) {
            this(version, apiTokenEnabled, defaults, limits, listener, intake, Optional.empty(), Optional.empty(),
                    new Store("sqlite", defaults.dbPath()));
        }
    }

    /**
     * Which store holds everything: {@code sqlite} (embedded, the default) or {@code postgresql}, and where, never
     * with a password.
     */
    record Store(String engine, String location) {
    }

    record Defaults(int threshold, String dbPath, String dataDir, String tenantId, int limit) {
    }

    record Limits(long maxBodyBytes, int maxBatchEvents, int maxLimit, int maxThreshold) {
    }

    /** Syslog listener settings; a port of 0 means the channel is off. */
    record Listener(String host, int udpPort, int tcpPort, String tenantId, String sourceId) {
    }
}
