package io.brainstem.application.archfixture;

import io.micrometer.core.instrument.MeterRegistry;

/** Breaks the rules on purpose (the application reports through its telemetry ports, never Micrometer). */
public final class ApplicationClassThatCountsWithMicrometer {

    public void count(MeterRegistry registry) {
        registry.counter("brainstem.events").increment();
    }
}
