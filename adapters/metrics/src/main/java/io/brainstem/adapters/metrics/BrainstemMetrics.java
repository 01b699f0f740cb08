package io.brainstem.adapters.metrics;

import io.brainstem.application.port.in.RetainRecentEventsUseCase.RetentionStatus;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase.SyncStatus;
import io.brainstem.application.port.out.CommitTelemetry;
import io.brainstem.application.port.out.IngestTelemetry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The process's meters, in one Micrometer Prometheus registry, and their scrape (ADR 24). Everything a scrape
 * reads is in memory: counters, gauges kept up to date as things change, and function meters over counters the
 * adapters keep anyway. A scrape never queries a database.
 *
 * <p>brainstem's own meters are named {@code brainstem_*} in base units; the JVM and process meters keep the names
 * Micrometer and the Prometheus ecosystem give them ({@code jvm_*}, {@code process_*}, {@code system_*}), which
 * existing dashboards expect.
 */
public final class BrainstemMetrics implements AutoCloseable {

    /** What a scrape answers: the negotiated exposition format's content type, and the body. */
    public record Scrape(String contentType, byte[] body) {
    }

    /** The keys of a syslog channel's counters that become meters ({@link #registerSyslogChannel}). */
    public static final java.util.Set<String> SYSLOG_COUNTER_KEYS = IntakeChannelMeters.KEYS;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ExpositionFormats formats = ExpositionFormats.init();
    private final AtomicLong scrapes = new AtomicLong();
    private final MicrometerIngestTelemetry ingest;
    private final MicrometerCommitTelemetry commits;
    private final HttpRequestMeters http;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final SampledSystemMetrics system = new SampledSystemMetrics();
    /**
     * What function meters read from: Micrometer holds a meter's object only weakly, so that a collected object stops
     * its meters; these live as long as the process's meters.
     */
    private final List<Object> sources = new CopyOnWriteArrayList<>();

    /** With the JVM and process meters, and {@code brainstem_build_info{version}}. */
    public BrainstemMetrics(String version) {
        ingest = new MicrometerIngestTelemetry(registry);
        commits = new MicrometerCommitTelemetry(registry);
        http = new HttpRequestMeters(registry);
        Gauge.builder("brainstem.build.info", () -> 1).tag("version", version)
                .description("The running brainstem's version").register(registry);
        for (MeterBinder binder : new MeterBinder[] {new JvmMemoryMetrics(), gc, new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new JvmInfoMetrics(), system, new UptimeMetrics()}) {
            binder.bindTo(registry);
        }
    }

    /** The ingest pipeline's telemetry port, as meters. */
    public IngestTelemetry ingestTelemetry() {
        return ingest;
    }

    /** The store's commit telemetry port, as meters. */
    public CommitTelemetry commitTelemetry() {
        return commits;
    }

    /** One HTTP request served; {@code route} is a template or another bounded value, never the raw path. */
    public void requestServed(String method, String route, int status, long nanos) {
        http.record(method, route, status, nanos);
    }

    /**
     * A syslog channel's live counters (its {@code /runtime} map), exported as {@code brainstem_syslog_*} tagged
     * {@code transport}.
     */
    public void registerSyslogChannel(String transport, Supplier<Map<String, Long>> counters) {
        sources.add(IntakeChannelMeters.register(registry, transport, counters, scrapes::get));
    }

    /** Retention's status, exported as {@code brainstem_retention_*}. */
    public void registerRetention(Supplier<RetentionStatus> status) {
        sources.add(status);
        RetentionMeters.register(registry, status);
    }

    /** The LogicMonitor connector's sync status, exported as {@code brainstem_logicmonitor_*}. */
    public void registerLogicMonitor(Supplier<SyncStatus> status) {
        sources.add(status);
        LogicMonitorMeters.register(registry, status);
    }

    /**
     * One more set of meters, e.g. a connector's (bootstrap binds it); its meters must follow the same naming:
     * {@code brainstem.*}, base units, bounded tags.
     */
    public void bind(MeterBinder meters) {
        meters.bindTo(registry);
    }

    /**
     * Every meter in the exposition format {@code accept} asks for, by the Prometheus client's own negotiation:
     * OpenMetrics text when the scraper accepts {@code application/openmetrics-text}, the Prometheus protobuf format
     * when it asks for that, else the Prometheus text format 0.0.4.
     */
    public Scrape scrape(String accept) {
        ExpositionFormatWriter writer = formats.findWriter(accept);
        if (!writer.isAvailable()) {
            writer = formats.getPrometheusTextFormatWriter();
        }
        scrapes.incrementAndGet();
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            registry.scrape(out, writer.getContentType());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics", e); // a ByteArrayOutputStream never fails
        }
        return new Scrape(writer.getContentType(), out.toByteArray());
    }

    @Override
    public void close() {
        gc.close();
        system.close();
        registry.close();
    }
}
