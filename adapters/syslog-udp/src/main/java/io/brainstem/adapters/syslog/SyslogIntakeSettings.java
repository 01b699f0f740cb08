package io.brainstem.adapters.syslog;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.domain.envelope.TenantId;
import java.time.Duration;
import java.util.Objects;

/**
 * How a syslog listener labels and batches what it receives.
 *
 * @param tenant             tenant of every envelope (a device cannot choose it)
 * @param sourceId           {@code source_id} of every envelope
 * @param database           the database the envelopes go to
 * @param threshold          the candidate threshold passed to ingest
 * @param queueCapacity      messages waiting for the writer; beyond it UDP drops (counted), TCP waits
 * @param maxBatch           at most this many messages per ingest call (one transaction)
 * @param linger             how long the writer waits for more when a batch is not full
 * @param receiveBufferBytes SO_RCVBUF asked of the OS (it may grant less; the granted size is logged)
 * @param maxFrameBytes      longest TCP frame kept; the rest of a longer frame is cut off (see {@link SyslogTcpListener})
 * @param tcpIdleTimeout     a TCP connection that sends nothing for this long is closed; zero: never
 * @param tcpMaxConnections  TCP connections open at once; one more is closed at once (counted)
 */
public record SyslogIntakeSettings(TenantId tenant, String sourceId, DatabaseRef database, int threshold,
        int queueCapacity, int maxBatch, Duration linger, int receiveBufferBytes, int maxFrameBytes,
        Duration tcpIdleTimeout, int tcpMaxConnections) {

    public static final String DEFAULT_SOURCE_ID = "syslog";
    public static final int DEFAULT_QUEUE_CAPACITY = 200_000;
    public static final int DEFAULT_MAX_BATCH = 2_000;
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(10);
    public static final int DEFAULT_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;
    public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024;
    public static final Duration DEFAULT_TCP_IDLE_TIMEOUT = Duration.ofMinutes(15);
    public static final int DEFAULT_TCP_MAX_CONNECTIONS = 1_000;

    public SyslogIntakeSettings {
        Objects.requireNonNull(tenant, "tenant");
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("sourceId must not be blank");
        }
        database = database == null ? DatabaseRef.DEFAULT : database;
        requirePositive("threshold", threshold);
        requirePositive("queueCapacity", queueCapacity);
        requirePositive("maxBatch", maxBatch);
        requirePositive("receiveBufferBytes", receiveBufferBytes);
        requirePositive("maxFrameBytes", maxFrameBytes);
        requirePositive("tcpMaxConnections", tcpMaxConnections);
        if (linger == null || linger.isNegative()) {
            throw new IllegalArgumentException("linger must be zero or positive");
        }
        if (tcpIdleTimeout == null || tcpIdleTimeout.isNegative()) {
            throw new IllegalArgumentException("tcpIdleTimeout must be zero or positive");
        }
    }

    /** The defaults: source id {@code syslog}, default database and threshold, 200k queue, batches of 2,000. */
    public static SyslogIntakeSettings defaults(TenantId tenant) {
        return new SyslogIntakeSettings(tenant, DEFAULT_SOURCE_ID, DatabaseRef.DEFAULT,
                IngestEventsUseCase.DEFAULT_THRESHOLD, DEFAULT_QUEUE_CAPACITY, DEFAULT_MAX_BATCH, DEFAULT_LINGER,
                DEFAULT_RECEIVE_BUFFER_BYTES, DEFAULT_MAX_FRAME_BYTES, DEFAULT_TCP_IDLE_TIMEOUT,
                DEFAULT_TCP_MAX_CONNECTIONS);
    }

    public SyslogIntakeSettings withSourceId(String value) {
        return new SyslogIntakeSettings(tenant, value, database, threshold, queueCapacity, maxBatch, linger,
                receiveBufferBytes, maxFrameBytes, tcpIdleTimeout, tcpMaxConnections);
    }

    public SyslogIntakeSettings withQueue(int capacity, int batch) {
        return new SyslogIntakeSettings(tenant, sourceId, database, threshold, capacity, batch, linger,
                receiveBufferBytes, maxFrameBytes, tcpIdleTimeout, tcpMaxConnections);
    }

    public SyslogIntakeSettings withMaxFrameBytes(int value) {
        return new SyslogIntakeSettings(tenant, sourceId, database, threshold, queueCapacity, maxBatch, linger,
                receiveBufferBytes, value, tcpIdleTimeout, tcpMaxConnections);
    }

    /** With this TCP idle timeout (zero: none) and connection cap. */
    public SyslogIntakeSettings withTcpConnections(Duration idleTimeout, int maxConnections) {
        return new SyslogIntakeSettings(tenant, sourceId, database, threshold, queueCapacity, maxBatch, linger,
                receiveBufferBytes, maxFrameBytes, idleTimeout, maxConnections);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
