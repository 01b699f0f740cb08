package io.brainstem.adapters.metrics;

import io.brainstem.application.port.out.CommitTelemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Write transactions of the store as meters: a duration histogram (its count is the commits), writes, failures. */
final class MicrometerCommitTelemetry implements CommitTelemetry {

    private final Timer commits;
    private final Counter writes;
    private final Counter failures;

    MicrometerCommitTelemetry(MeterRegistry registry) {
        commits = Timer.builder("brainstem.storage.commit")
                .description("Write transactions committed, from their first statement to the end of the commit")
                .serviceLevelObjectives(Buckets.SECONDS).register(registry);
        writes = Counter.builder("brainstem.storage.committed.writes")
                .description("Units of work committed (a group commit holds several)").register(registry);
        failures = Counter.builder("brainstem.storage.commit.failures")
                .description("Write transactions that failed and were rolled back").register(registry);
    }

    @Override
    public void committed(int count, long nanos) {
        commits.record(nanos, TimeUnit.NANOSECONDS);
        writes.increment(count);
    }

    @Override
    public void failed(int count) {
        failures.increment();
    }
}
