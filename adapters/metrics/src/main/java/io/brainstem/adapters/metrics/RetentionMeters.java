package io.brainstem.adapters.metrics;

import io.brainstem.application.port.in.RetainRecentEventsUseCase.RetentionStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/** What retention has done, read from its status at scrape time (the status is in memory, never a query). */
final class RetentionMeters {

    private RetentionMeters() {
    }

    static void register(MeterRegistry registry, Supplier<RetentionStatus> status) {
        FunctionCounter.builder("brainstem.retention.deleted.envelopes", status, s -> s.get().deletedTotal())
                .description("Expired envelopes (and their events) deleted by retention since start")
                .register(registry);
        Gauge.builder("brainstem.retention.last.sweep.timestamp.seconds", status,
                        s -> s.get().lastSweepAt().map(t -> t.toEpochMilli() / 1000.0).orElse(Double.NaN))
                .description("When the last sweep of every open database ended (Unix time); NaN before the first")
                .register(registry);
        Gauge.builder("brainstem.retention.last.sweep.failed", status, s -> s.get().lastError().isPresent() ? 1 : 0)
                .description("1 when the last sweep failed for some database (GET /runtime says why)")
                .register(registry);
        Gauge.builder("brainstem.retention.period.seconds", status, s -> s.get().period().toSeconds())
                .description("How long envelopes are kept after receipt").register(registry);
    }
}
