package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brainstem.adapters.metrics.BrainstemMetrics;
import io.brainstem.adapters.metrics.PrometheusText;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} wired with its metrics, on a real port, a real UDP socket and a real SQLite file: what is ingested
 * over HTTP and UDP moves the counters by exactly that much, routes are templates, the token guards the scrape, the
 * scraper chooses the format, and a scrape answers while storage is unusable (it never reads it).
 */
class MetricsEndToEndTest {

    private static final String TOKEN = "prometheus-scrape-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private Brainstem brainstem;
    private WebServer server;
    private SyslogWiring.Running syslog;

    private void serve(Map<String, String> extra) {
        // for syslog, 0 means off: a port free a moment ago
        Map<String, String> env = new HashMap<>(Map.of("BRAINSTEM_HTTP_PORT", "0", "BRAINSTEM_SYSLOG_PORT", freeUdpPort(),
                "BRAINSTEM_DATA_DIR", dataDir.resolve("state").toString(), "BRAINSTEM_API_TOKEN", TOKEN));
        env.putAll(extra);
        BrainstemSettings settings = BrainstemSettings.load(Config.empty(), env);
        brainstem = Brainstem.serving(settings);
        server = brainstem.startHttp();
        syslog = SyslogWiring.start(settings, brainstem.ingest(), brainstem::registerIntake);
    }

    @AfterEach
    void stop() {
        if (syslog != null) {
            syslog.close();
        }
        if (server != null) {
            server.stop();
        }
        if (brainstem != null) {
            brainstem.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String accept, boolean token)
            throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token) {
            req.header("Authorization", "Bearer " + TOKEN);
        }
        if (accept != null) {
            req.header("Accept", accept);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> ok(String method, String path, String body) throws Exception {
        HttpResponse<String> res = send(method, path, body, null, true);
        assertEquals(200, res.statusCode(), path + ": " + res.body());
        return res;
    }

    private PrometheusText scrape() throws Exception {
        HttpResponse<String> res = send("GET", "/metrics", null, "text/plain", true);
        assertEquals(200, res.statusCode(), res.body());
        return PrometheusText.parse(res.body());
    }

    /** The first scrape that shows {@code recorded}. */
    private PrometheusText scrapeOnce(java.util.function.Predicate<PrometheusText> recorded) throws Exception {
        PrometheusText[] last = {scrape()};
        await(() -> {
            if (recorded.test(last[0])) {
                return true;
            }
            try {
                last[0] = scrape();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return false;
        }, "the last request to be recorded");
        return last[0];
    }

    private static String event(String sourceType, String message) {
        return "{\"tenant_id\": \"acme\", \"source_type\": \"" + sourceType + "\", \"host\": \"fw-01\","
                + " \"message_raw\": \"" + message + "\"}";
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private long udpStored() {
        try {
            JsonNode runtime = JSON.readTree(ok("GET", "/runtime", null).body());
            return runtime.at("/intake/syslog_udp/stored").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private double delta(PrometheusText before, PrometheusText after, String sample) {
        return after.get(sample) - before.value(sample).orElse(0.0);
    }

    @Test
    void countersMoveByExactlyWhatWasIngestedOverHttpAndUdp() throws Exception {
        serve(Map.of());
        PrometheusText before = scrape();

        ok("POST", "/ingest/batch", "{\"events\": [" + event("syslog", "IPsec SA to 203.0.113.7 expired") + ","
                + event("syslog", "IPsec SA to 203.0.113.7 expired") + "," + event("syslog", "   ") + ","
                + event("syslog", "IPsec SA to 203.0.113.8 expired") + "," + event("carrier-pigeon", "coo") + "]}");
        ok("POST", "/ingest/event", event("file", "disk /dev/sda1 is 91% full"));
        InetSocketAddress udp = syslog.udpAddress().orElseThrow();
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 0; i < 7; i++) {
                byte[] line = ("<134>Mar 22 03:00:0" + i + " fw-02 charon: peer 10.0.0." + i + " rekeyed")
                        .getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(line, line.length, udp));
            }
        }
        await(() -> udpStored() == 7, "the 7 datagrams to be committed");
        // a request is recorded just after its response is written: the client can be faster
        PrometheusText after = scrapeOnce(text -> text.requests("POST", "/ingest/event", 200) > 0);

        Map<String, Double> moved = new TreeMap<>();
        for (String sample : new String[] {
            "brainstem_envelopes_received_total{source_type=\"syslog\"}",
            "brainstem_envelopes_received_total{source_type=\"file\"}",
            "brainstem_envelopes_received_total{source_type=\"other\"}",
            "brainstem_envelopes_stored_total{outcome=\"canonicalized\",source_type=\"syslog\"}",
            "brainstem_envelopes_stored_total{outcome=\"parse_failed\",source_type=\"syslog\"}",
            "brainstem_envelopes_stored_total{outcome=\"unsupported\",source_type=\"other\"}",
            "brainstem_events_ingested_total",
            "brainstem_syslog_received_total{transport=\"udp\"}",
            "brainstem_syslog_stored_total{transport=\"udp\"}",
            "brainstem_syslog_dropped_total{reason=\"queue_full\",transport=\"udp\"}",
            "brainstem_http_server_requests_seconds_count{method=\"POST\",route=\"/ingest/batch\",status=\"200\"}",
            "brainstem_http_server_requests_seconds_count{method=\"POST\",route=\"/ingest/event\",status=\"200\"}"}) {
            moved.put(sample, delta(before, after, sample));
        }
        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("brainstem_envelopes_received_total{source_type=\"syslog\"}", 11.0),
                Map.entry("brainstem_envelopes_received_total{source_type=\"file\"}", 1.0),
                Map.entry("brainstem_envelopes_received_total{source_type=\"other\"}", 1.0),
                Map.entry("brainstem_envelopes_stored_total{outcome=\"canonicalized\",source_type=\"syslog\"}", 10.0),
                Map.entry("brainstem_envelopes_stored_total{outcome=\"parse_failed\",source_type=\"syslog\"}", 1.0),
                Map.entry("brainstem_envelopes_stored_total{outcome=\"unsupported\",source_type=\"other\"}", 1.0),
                Map.entry("brainstem_events_ingested_total", 13.0),
                Map.entry("brainstem_syslog_received_total{transport=\"udp\"}", 7.0),
                Map.entry("brainstem_syslog_stored_total{transport=\"udp\"}", 7.0),
                Map.entry("brainstem_syslog_dropped_total{reason=\"queue_full\",transport=\"udp\"}", 0.0),
                Map.entry("brainstem_http_server_requests_seconds_count{method=\"POST\",route=\"/ingest/batch\","
                        + "status=\"200\"}", 1.0),
                Map.entry("brainstem_http_server_requests_seconds_count{method=\"POST\",route=\"/ingest/event\","
                        + "status=\"200\"}", 1.0))), moved);

        assertTrue(after.get("brainstem_storage_commit_seconds_count") >= 3, "the HTTP requests and the UDP batch");
        assertEquals(after.get("brainstem_storage_commit_seconds_count"),
                after.get("brainstem_storage_commit_seconds_bucket{le=\"+Inf\"}"));
        assertTrue(after.samples().keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes{area=\"heap\"")));
        assertDashboardUsesOnly(after);
    }

    /** Every metric docs/grafana/brainstem.json queries is in a real scrape (GC pauses appear with the first GC). */
    private static void assertDashboardUsesOnly(PrometheusText scrape) throws Exception {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (!Files.exists(dir.resolve("docs/grafana/brainstem.json"))) {
            dir = dir.getParent();
        }
        String dashboard = Files.readString(dir.resolve("docs/grafana/brainstem.json"));
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b(?:brainstem|jvm|process|system)_[a-z0-9_]+")
                .matcher(JSON.readTree(dashboard).findValues("expr").toString());
        java.util.Set<String> missing = new java.util.TreeSet<>();
        java.util.Set<String> used = new java.util.TreeSet<>();
        while (names.find()) {
            String name = names.group();
            used.add(name);
            boolean present = scrape.samples().keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{"));
            if (!present && !name.startsWith("jvm_gc_pause")) {
                missing.add(name);
            }
        }
        assertTrue(used.size() > 15, used.toString());
        assertEquals(java.util.Set.of(), missing, "the dashboard queries metrics the scrape does not have");
    }

    @Test
    void signaturesAndCandidatesPerBandAreWhatTheDatabaseHolds() throws Exception {
        serve(Map.of());
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            events.append(i == 0 ? "" : ",").append(event("syslog", i % 3 == 0 ? "link eth" + i + " flapped"
                    : "IPsec SA to peer 203.0.113." + (i % 4) + " dropped (DPD timeout)"));
        }
        ok("POST", "/ingest/batch", "{\"events\": [" + events + "]}");
        ok("POST", "/ingest/batch", "{\"events\": [" + events + "]}");

        PrometheusText text = scrape();
        Path db = dataDir.resolve("state/brainstem.sqlite3");
        assertEquals(count(db, "SELECT COUNT(*) FROM signatures"), text.get("brainstem_signatures"));
        long candidates = count(db, "SELECT COUNT(*) FROM candidates");
        assertTrue(candidates > 0, "recurrences make candidates");
        double perBand = 0;
        for (String band : new String[] {"ignore", "watch", "review", "urgent_human_review"}) {
            perBand += text.get("brainstem_candidates{band=\"" + band + "\"}");
        }
        assertEquals(candidates, perBand, "every candidate is counted in exactly one band");
        JsonNode listed = JSON.readTree(ok("GET", "/candidates?limit=1000", null).body());
        Map<String, Double> bands = new TreeMap<>();
        listed.get("items").forEach(c -> bands.merge("brainstem_candidates{band=\"" + c.get("decision_band").asText()
                + "\"}", 1.0, Double::sum));
        bands.forEach((sample, n) -> assertEquals(n, text.get(sample), sample));
    }

    @Test
    void routesAreTemplatesAndUnknownPathsCollapse() throws Exception {
        serve(Map.of());
        assertEquals(404, send("GET", "/signatures/sig_00000000deadbeef", null, null, true).statusCode());
        assertEquals(404, send("GET", "/signatures/sig_00000000cafebabe", null, null, true).statusCode());
        assertEquals(404, send("GET", "/wp-login.php", null, null, true).statusCode());
        assertEquals(401, send("POST", "/ingest/batch", "{}", null, false).statusCode());

        PrometheusText text = scrapeOnce(t -> t.requests("POST", "/ingest/batch", 401) > 0);
        assertEquals(List.of(2.0, 1.0, 1.0), List.of(text.requests("GET", "/signatures/{signature_id}", 404),
                text.requests("GET", "unmatched", 404), text.requests("POST", "/ingest/batch", 401)));
        assertTrue(text.samples().keySet().stream().noneMatch(k -> k.contains("deadbeef") || k.contains("wp-login")),
                "no raw path is a label value");
    }

    @Test
    void theScrapeNeedsTheTokenAndTheScraperChoosesTheFormat() throws Exception {
        serve(Map.of());
        HttpResponse<String> refused = send("GET", "/metrics", null, null, false);
        assertEquals(401, refused.statusCode());
        assertEquals("unauthorized", JSON.readTree(refused.body()).at("/error/code").asText());

        HttpResponse<String> text = send("GET", "/metrics", null, null, true);
        assertEquals("text/plain; version=0.0.4; charset=utf-8", text.headers().firstValue("Content-Type").orElseThrow());

        // what Prometheus 2.x/3.x sends
        HttpResponse<String> openMetrics = send("GET", "/metrics", null, "application/openmetrics-text;version=1.0.0;"
                + "escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;"
                + "escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2", true);
        assertEquals(200, openMetrics.statusCode());
        assertTrue(openMetrics.headers().firstValue("Content-Type").orElseThrow()
                .startsWith("application/openmetrics-text; version=1.0.0"), openMetrics.headers().toString());
        assertTrue(openMetrics.body().endsWith("# EOF\n"));
        assertEquals(1, PrometheusText.parse(openMetrics.body()).get("brainstem_build_info{version=\""
                + BrainstemVersion.current() + "\"}"));
    }

    @Test
    void aScrapeAnswersWhileTheDatabaseIsUnusable() throws Exception {
        serve(Map.of());
        ok("POST", "/ingest/event", event("syslog", "fan 3 failed"));
        syslog.close();
        syslog = null;
        brainstem.catalog().close(); // every connection closed: the next use would open the file again ...
        Path state = dataDir.resolve("state");
        try (var files = Files.list(state)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(state);
        Files.writeString(state, "not a directory"); // ... and cannot: the data directory is now a file
        assertTrue(send("GET", "/stats", null, null, true).statusCode() >= 400, "storage is unusable");

        PrometheusText text = scrape();
        assertEquals(1, text.get("brainstem_events_ingested_total"));
        assertEquals(1, text.get("brainstem_signatures"));
    }

    @Test
    void everyCounterOfTheSyslogChannelsBecomesAMeter() {
        serve(Map.of("BRAINSTEM_SYSLOG_TCP_PORT", freeTcpPort()));
        Map<String, Map<String, Long>> intake = new java.util.TreeMap<>(brainstem.runtime().snapshot().intake());
        intake.keySet().removeIf(channel -> !channel.startsWith("syslog_")); // ingest and http: not syslog channels
        assertEquals(java.util.Set.of("syslog_udp", "syslog_tcp"), intake.keySet());
        intake.forEach((channel, counters) -> assertTrue(BrainstemMetrics.SYSLOG_COUNTER_KEYS.containsAll(
                counters.keySet()), channel + " has counters no meter shows: " + counters.keySet()));
    }

    @Test
    void metricsOffMeansNoScrape() throws Exception {
        serve(Map.of("BRAINSTEM_METRICS", "off"));
        HttpResponse<String> res = send("GET", "/metrics", null, null, true);
        assertEquals(404, res.statusCode());
        assertEquals("metrics_disabled", JSON.readTree(res.body()).at("/error/code").asText());
        assertTrue(brainstem.metrics().isEmpty());
    }

    private static String freeUdpPort() {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            return Integer.toString(probe.getLocalPort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String freeTcpPort() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return Integer.toString(probe.getLocalPort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
