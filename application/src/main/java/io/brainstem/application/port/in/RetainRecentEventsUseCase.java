package io.brainstem.application.port.in;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Retention: raw envelopes and events received longer ago than the retention period are deleted, in small
 * batches, while signatures, candidates, incidents and reviews are kept. Age counts from receipt, not from the
 * event's own timestamp, so replayed history and devices with wrong clocks keep the full period.
 */
public interface RetainRecentEventsUseCase {

    /** Deletes what has expired in one database, batch by batch, and returns how many envelopes went. */
    long sweep(DatabaseRef db);

    /**
     * Sweeps every open database; a database that fails is reported in {@link #status()} and the others are still
     * swept. Returns how many envelopes went in all.
     */
    long sweepAll();

    Duration period();

    RetentionStatus status();

    /**
     * What retention has done in this process.
     *
     * @param deletedTotal envelopes deleted since the process started
     * @param lastError    why the last sweep of some database failed, empty when the last sweep of each succeeded
     */
    record RetentionStatus(Duration period, long deletedTotal, Optional<Instant> lastSweepAt,
            Optional<String> lastError) {
    }
}
