package io.brainstem.adapters.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * HTTP requests served, as one duration histogram per method, route template and status. The HTTP adapter bounds
 * the values (a template, never the raw path); each combination's timer is built once and then found in a map.
 */
final class HttpRequestMeters {

    private record Key(String method, String route, int status) {
    }

    private final MeterRegistry registry;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    HttpRequestMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String method, String route, int status, long nanos) {
        timers.computeIfAbsent(new Key(method, route, status), this::timer).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key key) {
        return Timer.builder("brainstem.http.server.requests")
                .description("HTTP requests served, by method, route template and status")
                .tag("method", key.method()).tag("route", key.route()).tag("status", Integer.toString(key.status()))
                .serviceLevelObjectives(Buckets.SECONDS).register(registry);
    }
}
