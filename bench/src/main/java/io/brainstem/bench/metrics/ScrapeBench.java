package io.brainstem.bench.metrics;

import io.brainstem.adapters.metrics.BrainstemMetrics;
import io.brainstem.application.port.in.RetainRecentEventsUseCase.RetentionStatus;
import io.brainstem.domain.candidate.DecisionBand;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * In-process cost of one scrape: a {@link BrainstemMetrics} with the meters {@code serve} has after some traffic (two
 * syslog channels, retention, ingest of three source types, 30 HTTP route × status histograms, commits) is scraped
 * SCRAPES times after a warm-up; prints p50/p99/max per format, and the share of the JVM thread-state meters.
 *
 * <pre>ScrapeBench [scrapes=20000]</pre>
 */
public final class ScrapeBench {

    private ScrapeBench() {
    }

    public static void main(String[] args) {
        java.util.logging.LogManager.getLogManager().reset();
        int scrapes = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (BrainstemMetrics metrics = new BrainstemMetrics("bench")) {
            populate(metrics, 2);
            report("text 0.0.4, 2 routes", scrapes, () -> metrics.scrape("text/plain").body().length);
            report("openmetrics, 2 routes", scrapes, () -> metrics.scrape("application/openmetrics-text;version=1.0.0")
                    .body().length);
            populate(metrics, ROUTES.length);
            report("text 0.0.4, 15 routes x 2", scrapes, () -> metrics.scrape("text/plain").body().length);
        }
        PrometheusMeterRegistry threads = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmThreadMetrics().bindTo(threads);
        report("of which jvm_threads_* alone", scrapes, () -> threads.scrape().length());
        System.exit(0);
    }

    private static final String[] ROUTES = {"/ingest/batch", "/metrics", "/ingest/event", "/signatures",
        "/signatures/{signature_id}", "/candidates", "/canonical_events", "/stats", "/runtime", "/healthz", "/console",
        "unmatched", "/interesting", "/events/search", "/candidates/search"};

    /** The meters serve has; HTTP histograms for the first {@code routes} routes (two statuses each past two). */
    private static void populate(BrainstemMetrics metrics, int routes) {
        LongAdder received = new LongAdder();
        for (String transport : new String[] {"udp", "tcp"}) {
            metrics.registerSyslogChannel(transport, () -> {
                Map<String, Long> m = new LinkedHashMap<>();
                for (String key : BrainstemMetrics.SYSLOG_COUNTER_KEYS) {
                    m.put(key, received.sum());
                }
                return m;
            });
        }
        metrics.registerRetention(() -> new RetentionStatus(Duration.ofDays(30), 42, Optional.empty(),
                Optional.empty()));
        for (String type : new String[] {"syslog", "file", "logicmonitor", "x"}) {
            metrics.ingestTelemetry().received(type, 500);
            metrics.ingestTelemetry().stored(type, 490, 8, 2);
        }
        metrics.ingestTelemetry().signaturesChanged(1_200);
        for (DecisionBand band : DecisionBand.values()) {
            metrics.ingestTelemetry().candidatesChanged(band, 10);
        }
        for (int i = 0; i < routes; i++) {
            metrics.requestServed("GET", ROUTES[i], 200, 1_000_000);
            if (routes > 2) {
                metrics.requestServed("GET", ROUTES[i], 400, 200_000);
            }
        }
        for (int i = 0; i < 1000; i++) {
            metrics.commitTelemetry().committed(2, 3_000_000L + i * 1000);
        }
    }

    private static void report(String label, int scrapes, java.util.function.IntSupplier scrape) {
        int bytes = 0;
        for (int i = 0; i < scrapes / 2; i++) { // warm-up: the JIT compiles the writers
            bytes = scrape.getAsInt();
        }
        long[] nanos = new long[scrapes];
        for (int i = 0; i < scrapes; i++) {
            long t0 = System.nanoTime();
            bytes = scrape.getAsInt();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "scrape in process, %-30s %d scrapes, %,d bytes: p50 %.1f µs, p99 %.1f µs, "
                + "max %.1f µs%n", label, scrapes, bytes, nanos[scrapes / 2] / 1e3, nanos[(int) (scrapes * 0.99)] / 1e3,
                nanos[scrapes - 1] / 1e3);
    }
}
