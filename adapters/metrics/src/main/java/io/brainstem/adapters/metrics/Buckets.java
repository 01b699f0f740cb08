package io.brainstem.adapters.metrics;

import java.time.Duration;

/** The histogram buckets of every duration brainstem measures: 14 of them, 250 µs to 10 s. */
final class Buckets {

    static final Duration[] SECONDS = {
        Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2_500), Duration.ofSeconds(10)};

    private Buckets() {
    }
}
