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
     * with a password; {@code failedWritesInARow}: write transactions that failed since the last commit.
     */
    record Store(String engine, String location, long failedWritesInARow) {
        /** This many failed write transactions in a row, none committed between, make the store unusable. */
        public static final int UNUSABLE_AFTER_FAILED_WRITES = 3;

        /** Whether the last write transactions all failed: nothing is being stored. */
        public boolean unusable() {
            return failedWritesInARow >= UNUSABLE_AFTER_FAILED_WRITES;
        }

        public Store(String engine, String location) {
            this(engine, location, 0);
        }

        public Store withFailedWritesInARow(long failed) {
            return new Store(engine, location, failed);
        }
    }

    record Defaults(int threshold, String dbPath, String dataDir, String tenantId, int limit) {
    }

    record Limits(long maxBodyBytes, int maxBatchEvents, int maxLimit, int maxThreshold) {
    }

    /** Syslog listener settings; a port of 0 means the channel is off. */
    record Listener(String host, int udpPort, int tcpPort, String tenantId, String sourceId) {
    }
}
