package io.brainstem.application.port.in;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What the running process is and does: version, auth, defaults, limits and intake counters. */
public interface RuntimeQueries {

    RuntimeSnapshot snapshot();

    /**
     * @param intake per intake channel (e.g. {@code syslog_udp}), counters such as received, stored, dropped
     */
    record RuntimeSnapshot(String version, boolean apiTokenEnabled, Defaults defaults, Limits limits,
            Listener listener, Map<String, Map<String, Long>> intake, Retention retention) {
        public RuntimeSnapshot {
            intake = Map.copyOf(intake);
        }

        /** A process that deletes nothing (retention off). */
        public RuntimeSnapshot(String version, boolean apiTokenEnabled, Defaults defaults, Limits limits,
                Listener listener, Map<String, Map<String, Long>> intake) {
            this(version, apiTokenEnabled, defaults, limits, listener, intake, Retention.OFF);
        }
    }

    /**
     * Retention of raw envelopes and events.
     *
     * @param days how long after receipt they are kept; 0 when retention is off and everything is kept
     * @param lastError why the last sweep failed somewhere, empty when it did not
     */
    record Retention(int days, long deletedTotal, Optional<Instant> lastSweepAt, Optional<String> lastError) {

        public static final Retention OFF = new Retention(0, 0, Optional.empty(), Optional.empty());

        public boolean enabled() {
            return days > 0;
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
