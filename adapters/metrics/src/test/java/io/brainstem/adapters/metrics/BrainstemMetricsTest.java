package io.brainstem.adapters.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.RetainRecentEventsUseCase.RetentionStatus;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase.SyncResult;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase.SyncStatus;
import io.brainstem.application.port.out.IngestTelemetry;
import io.brainstem.domain.candidate.DecisionBand;
import io.micrometer.core.instrument.Counter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrainstemMetricsTest {

    private final BrainstemMetrics metrics = new BrainstemMetrics("1.2.3-test");

    @AfterEach
    void close() {
        metrics.close();
    }

    private PrometheusText scrape() {
        BrainstemMetrics.Scrape scrape = metrics.scrape("text/plain");
        return PrometheusText.parse(new String(scrape.body(), StandardCharsets.UTF_8));
    }

    @Test
    void envelopesAreCountedPerKnownSourceTypeAndOutcomeAndAnyOtherTypeIsOther() {
        IngestTelemetry ingest = metrics.ingestTelemetry();
        ingest.received("syslog", 5);
        ingest.stored("syslog", 3, 1, 0);
        ingest.received("carrier-pigeon", 2);
        ingest.received("smoke-signal", 1);
        ingest.stored("carrier-pigeon", 0, 0, 2);
        ingest.failed(4);

        PrometheusText text = scrape();
        assertEquals(5, text.get("brainstem_envelopes_received_total{source_type=\"syslog\"}"));
        assertEquals(3, text.get("brainstem_envelopes_received_total{source_type=\"other\"}"));
        assertEquals(0, text.get("brainstem_envelopes_received_total{source_type=\"file\"}"), "exists from the start");
        assertEquals(3, text.get("brainstem_envelopes_stored_total{outcome=\"canonicalized\",source_type=\"syslog\"}"));
        assertEquals(1, text.get("brainstem_envelopes_stored_total{outcome=\"parse_failed\",source_type=\"syslog\"}"));
        assertEquals(2, text.get("brainstem_envelopes_stored_total{outcome=\"unsupported\",source_type=\"other\"}"));
        assertEquals(6, text.get("brainstem_events_ingested_total"));
        assertEquals(4, text.get("brainstem_ingest_failed_envelopes_total"));
        assertTrue(text.samples().keySet().stream().noneMatch(k -> k.contains("pigeon") || k.contains("smoke")),
                "a client's source type never becomes a label value");
    }

    @Test
    void signaturesAndCandidatesPerBandAreGaugesOfTheRunningSums() {
        IngestTelemetry ingest = metrics.ingestTelemetry();
        ingest.signaturesChanged(7);
        ingest.signaturesChanged(-2);
        ingest.candidatesChanged(DecisionBand.WATCH, 3);
        ingest.candidatesChanged(DecisionBand.WATCH, -1);
        ingest.candidatesChanged(DecisionBand.URGENT_HUMAN_REVIEW, 1);

        Map<String, Double> bands = new java.util.TreeMap<>();
        scrape().samples().forEach((k, v) -> {
            if (k.startsWith("brainstem_candidates{") || k.equals("brainstem_signatures")) {
                bands.put(k, v);
            }
        });
        assertEquals(Map.of("brainstem_signatures", 5.0, "brainstem_candidates{band=\"watch\"}", 2.0,
                "brainstem_candidates{band=\"urgent_human_review\"}", 1.0, "brainstem_candidates{band=\"ignore\"}", 0.0,
                "brainstem_candidates{band=\"review\"}", 0.0), bands, "every band is there from the start");
    }

    @Test
    void commitsAreAHistogramInSecondsWithWritesAndFailures() {
        metrics.commitTelemetry().committed(3, 1_500_000); // 1.5 ms
        metrics.commitTelemetry().committed(1, 40_000_000); // 40 ms
        metrics.commitTelemetry().failed(1);

        PrometheusText text = scrape();
        assertEquals(2, text.get("brainstem_storage_commit_seconds_count"));
        assertEquals(0.0415, text.get("brainstem_storage_commit_seconds_sum"), 1e-9);
        assertEquals(0, text.get("brainstem_storage_commit_seconds_bucket{le=\"0.001\"}"));
        assertEquals(1, text.get("brainstem_storage_commit_seconds_bucket{le=\"0.002\"}"));
        assertEquals(2, text.get("brainstem_storage_commit_seconds_bucket{le=\"0.05\"}"));
        assertEquals(2, text.get("brainstem_storage_commit_seconds_bucket{le=\"+Inf\"}"));
        assertEquals(4, text.get("brainstem_storage_committed_writes_total"));
        assertEquals(1, text.get("brainstem_storage_commit_failures_total"));
    }

    @Test
    void aSyslogChannelsCountersAreReadOncePerScrapeAndDropsCarryTheirReason() {
        AtomicInteger reads = new AtomicInteger();
        Map<String, Long> counters = new LinkedHashMap<>(Map.of("received", 10L, "stored", 6L,
                "dropped_queue_full", 3L, "lost", 1L, "queued", 0L, "batches", 2L, "writer_alive", 1L,
                "receive_buffer_bytes", 4_194_304L, "something_new", 5L));
        metrics.registerSyslogChannel("udp", () -> {
            reads.incrementAndGet();
            return Map.copyOf(counters);
        });
        reads.set(0);
        System.gc(); // Micrometer holds a function meter's object weakly: it must still be there

        PrometheusText first = scrape();
        assertEquals(1, reads.get(), "one read of the channel's map serves the whole scrape");
        assertEquals(10, first.get("brainstem_syslog_received_total{transport=\"udp\"}"));
        assertEquals(3, first.get("brainstem_syslog_dropped_total{reason=\"queue_full\",transport=\"udp\"}"));
        assertEquals(1, first.get("brainstem_syslog_dropped_total{reason=\"store_failure\",transport=\"udp\"}"));
        assertEquals(4_194_304, first.get("brainstem_syslog_receive_buffer_bytes{transport=\"udp\"}"));
        assertFalse(first.samples().keySet().stream().anyMatch(k -> k.contains("something_new")));
        assertFalse(first.value("brainstem_syslog_tcp_frames_total{transport=\"udp\"}").isPresent(),
                "only the keys the channel has become meters");

        counters.put("received", 12L);
        counters.put("queued", 2L);
        PrometheusText second = scrape();
        assertEquals(2, reads.get());
        assertEquals(12, second.get("brainstem_syslog_received_total{transport=\"udp\"}"));
        assertEquals(2, second.get("brainstem_syslog_queue_depth{transport=\"udp\"}"));
    }

    @Test
    void httpRequestsAreAHistogramPerMethodRouteAndStatus() {
        metrics.requestServed("POST", "/ingest/batch", 200, 3_000_000);
        metrics.requestServed("POST", "/ingest/batch", 200, 30_000_000);
        metrics.requestServed("GET", "/signatures/{signature_id}", 404, 100_000);

        PrometheusText text = scrape();
        assertEquals(2, text.requests("POST", "/ingest/batch", 200));
        assertEquals(1, text.requests("GET", "/signatures/{signature_id}", 404));
        assertEquals(1, text.get("brainstem_http_server_requests_seconds_bucket{le=\"0.005\",method=\"POST\","
                + "route=\"/ingest/batch\",status=\"200\"}"), "3 ms is in the 5 ms bucket, 30 ms is not");
    }

    @Test
    void retentionIsReadFromItsStatus() {
        AtomicReference<RetentionStatus> status = new AtomicReference<>(new RetentionStatus(Duration.ofDays(30), 0,
                Optional.empty(), Optional.empty()));
        metrics.registerRetention(status::get);
        System.gc();
        assertTrue(Double.isNaN(scrape().get("brainstem_retention_last_sweep_timestamp_seconds")));

        status.set(new RetentionStatus(Duration.ofDays(30), 1_234, Optional.of(Instant.ofEpochSecond(1_800_000_000)),
                Optional.of("database 'x': disk I/O error")));
        PrometheusText text = scrape();
        assertEquals(1_234, text.get("brainstem_retention_deleted_envelopes_total"));
        assertEquals(1_800_000_000, text.get("brainstem_retention_last_sweep_timestamp_seconds"));
        assertEquals(1, text.get("brainstem_retention_last_sweep_failed"));
        assertEquals(30 * 86_400, text.get("brainstem_retention_period_seconds"));
    }

    @Test
    void theLogicMonitorSyncIsReadFromItsStatus() {
        AtomicReference<SyncStatus> status = new AtomicReference<>(new SyncStatus(false, "none", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, 0, Optional.empty()));
        metrics.registerLogicMonitor(status::get);
        System.gc();
        PrometheusText before = scrape();
        assertEquals(0, before.get("brainstem_logicmonitor_configured"));
        assertEquals(0, before.get("brainstem_logicmonitor_sync_runs_total"));
        assertTrue(Double.isNaN(before.get("brainstem_logicmonitor_sync_last_run_timestamp_seconds")));
        assertTrue(Double.isNaN(before.get("brainstem_logicmonitor_sync_next_run_timestamp_seconds")));

        Instant ended = Instant.ofEpochSecond(1_800_000_000);
        SyncResult result = new SyncResult("acme", "t1", ended, 12, 12, 10, 2, 0, 0, 3, 1, 4, ended);
        status.set(new SyncStatus(true, "acme", Optional.of(Duration.ofMinutes(5)), Optional.of(ended),
                Optional.of(ended.plusSeconds(300)), Optional.of("portal answered 401"), 7, 2, 1_500,
                Optional.of(result)));
        PrometheusText text = scrape();
        assertEquals(1, text.get("brainstem_logicmonitor_configured"));
        assertEquals(7, text.get("brainstem_logicmonitor_sync_runs_total"));
        assertEquals(2, text.get("brainstem_logicmonitor_sync_failures_total"));
        assertEquals(1_500, text.get("brainstem_logicmonitor_alerts_synced_total"));
        assertEquals(1, text.get("brainstem_logicmonitor_sync_last_failed"));
        assertEquals(1_800_000_000, text.get("brainstem_logicmonitor_sync_last_run_timestamp_seconds"));
        assertEquals(1_800_000_300, text.get("brainstem_logicmonitor_sync_next_run_timestamp_seconds"));
        assertEquals(4, text.get("brainstem_logicmonitor_sync_last_requests"));
        assertTrue(text.samples().keySet().stream().filter(k -> k.startsWith("brainstem_logicmonitor"))
                .noneMatch(k -> k.contains("acme") || k.contains("t1")), "no portal or tenant label");
    }

    @Test
    void processAndSystemMetersAreSampledNotReadAtScrapeTime() {
        try (SampledSystemMetrics sampled = new SampledSystemMetrics(Duration.ofHours(1))) {
            SampledSystemMetrics.Sample sample = sampled.last();
            assertTrue(sample.openFiles() > 0, "the first sample is taken at once: " + sample);
            assertTrue(sample.processCpuNanos() > 0, "cpu time: " + sample);
            io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry =
                    new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                            io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
            sampled.bindTo(registry);
            PrometheusText text = PrometheusText.parse(registry.scrape());
            assertEquals(sample.openFiles(), text.get("process_files_open_files"),
                    "a scrape reports the sample, not a fresh reading");
            assertEquals(sample.processCpuNanos(), text.get("process_cpu_time_ns_total"));
            assertEquals(Runtime.getRuntime().availableProcessors(), text.get("system_cpu_count"));
        }
    }

    @Test
    void jvmAndProcessMetersAndTheVersionAreThere() {
        PrometheusText text = scrape();
        assertEquals(1, text.get("brainstem_build_info{version=\"1.2.3-test\"}"));
        for (String prefix : new String[] {"jvm_memory_used_bytes{area=\"heap\"", "jvm_gc_", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "process_cpu_usage", "system_cpu_count", "process_uptime_seconds", "process_files_open_files"}) {
            assertTrue(text.samples().keySet().stream().anyMatch(k -> k.startsWith(prefix)), prefix);
        }
    }

    @Test
    void moreMetersCanBeBoundLaterAndAreScrapedWithTheRest() {
        metrics.bind(registry -> Counter.builder("brainstem.connector.syncs").tag("connector", "example")
                .register(registry).increment(2));

        assertEquals(2, scrape().get("brainstem_connector_syncs_total{connector=\"example\"}"));
    }

    @Test
    void theScraperChoosesTheExpositionFormat() {
        BrainstemMetrics.Scrape prometheus = metrics.scrape("text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        assertTrue(prometheus.contentType().startsWith("text/plain; version=0.0.4"), prometheus.contentType());

        BrainstemMetrics.Scrape openMetrics = metrics.scrape(
                "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5");
        assertTrue(openMetrics.contentType().startsWith("application/openmetrics-text; version=1.0.0"),
                openMetrics.contentType());
        String body = new String(openMetrics.body(), StandardCharsets.UTF_8);
        assertTrue(body.endsWith("# EOF\n"), "OpenMetrics ends with # EOF");
        assertEquals(1, PrometheusText.parse(body).get("brainstem_build_info{version=\"1.2.3-test\"}"));

        assertTrue(metrics.scrape(null).contentType().startsWith("text/plain"), "no Accept: the text format");
    }
}
