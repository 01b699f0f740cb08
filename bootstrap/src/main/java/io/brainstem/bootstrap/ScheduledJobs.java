package io.brainstem.bootstrap;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The one-thread daemon schedulers of background jobs (retention, the LogicMonitor sync). */
final class ScheduledJobs {

    private ScheduledJobs() {
    }

    static ScheduledExecutorService daemon(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(threadName).factory());
    }

    /** Stops the job, waiting up to 10 s for a run under way. */
    static void stop(ScheduledExecutorService executor) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
