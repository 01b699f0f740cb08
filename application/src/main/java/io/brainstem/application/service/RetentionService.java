package io.brainstem.application.service;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.RetainRecentEventsUseCase;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Deletes expired envelopes in batches of {@link #BATCH}, one short write transaction each, so that the ingest
 * writer waits at most one small batch for it (ADR 20).
 */
public final class RetentionService implements RetainRecentEventsUseCase {

    public static final int BATCH = 1_000;

    private final StorageCatalog catalog;
    private final Duration period;
    private final Clock clock;
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicReference<Instant> lastSweepAt = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    public RetentionService(StorageCatalog catalog, Duration period, Clock clock) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the retention period must be positive, was " + period);
        }
        this.catalog = catalog;
        this.period = period;
        this.clock = clock;
    }

    @Override
    public long sweep(DatabaseRef db) {
        Storage storage = catalog.openExisting(db);
        Instant cutoff = clock.instant().minus(period);
        long total = 0;
        int batch;
        do {
            batch = storage.unitOfWork().write(() -> storage.rawEnvelopes().deleteReceivedBefore(cutoff, BATCH));
            total += batch;
            deleted.addAndGet(batch);
            // let the ingest writer in between batches
            Thread.yield();
        } while (batch == BATCH && !Thread.currentThread().isInterrupted());
        // idempotency keys are kept a day whatever the retention period (ADR 37)
        Instant keysCutoff = clock.instant().minus(java.time.Duration.ofHours(
                io.brainstem.application.port.out.IdempotencyRepository.KEPT_FOR_HOURS));
        storage.unitOfWork().write(() -> {
            storage.idempotency().forgetBefore(keysCutoff);
            return null;
        });
        return total;
    }

    @Override
    public long sweepAll() {
        long total = 0;
        String error = null;
        for (DatabaseRef db : catalog.openDatabases()) {
            try {
                total += sweep(db);
            } catch (RuntimeException e) {
                error = (db.isDefault() ? "the default database" : "database '" + db.name() + "'") + ": "
                        + e.getMessage();
            }
        }
        lastError.set(error);
        lastSweepAt.set(clock.instant());
        return total;
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public RetentionStatus status() {
        return new RetentionStatus(period, deleted.get(), Optional.ofNullable(lastSweepAt.get()),
                Optional.ofNullable(lastError.get()));
    }
}
