package io.brainstem.bootstrap;

import io.brainstem.application.port.in.RetainRecentEventsUseCase;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs retention in the background: a first sweep shortly after start, then one every {@link #INTERVAL}. The
 * thread survives a failing sweep (the failure is logged and shown on {@code /runtime}) so that one bad database
 * never stops retention for the others.
 */
final class RetentionSchedule implements AutoCloseable {

    static final Duration FIRST_SWEEP = Duration.ofSeconds(30);
    static final Duration INTERVAL = Duration.ofMinutes(10);

    private static final System.Logger LOG = System.getLogger(RetentionSchedule.class.getName());

    private final RetainRecentEventsUseCase retention;
    private final ScheduledExecutorService executor;

    private RetentionSchedule(RetainRecentEventsUseCase retention) {
        this.retention = retention;
        this.executor = ScheduledJobs.daemon("brainstem-retention");
    }

    static RetentionSchedule start(RetainRecentEventsUseCase retention) {
        return start(retention, FIRST_SWEEP, INTERVAL);
    }

    static RetentionSchedule start(RetainRecentEventsUseCase retention, Duration first, Duration interval) {
        RetentionSchedule schedule = new RetentionSchedule(retention);
        schedule.executor.scheduleWithFixedDelay(schedule::sweepQuietly, first.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return schedule;
    }

    /** One sweep of every open database; never throws, so the schedule keeps running. */
    void sweepQuietly() {
        try {
            long deleted = retention.sweepAll();
            if (deleted > 0) {
                LOG.log(Level.INFO, "retention deleted {0} envelopes received more than {1} days ago", deleted,
                        retention.period().toDays());
            }
            retention.status().lastError().ifPresent(error -> LOG.log(Level.WARNING, "retention: " + error));
        } catch (Throwable t) { // NOPMD: a scheduled task that throws is never run again, silently
            LOG.log(Level.ERROR, "retention sweep failed; the next one runs in " + INTERVAL.toMinutes() + " min", t);
        }
    }

    @Override
    public void close() {
        ScheduledJobs.stop(executor);
    }
}
