package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brainstem.adapters.persistence.postgres.PostgresServer;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two brainstem nodes on one PostgreSQL database over real HTTP (ADR 28): the same events split across both give
 * what one node gives (the same signatures with the same counts, one candidate per pattern with the same evidence),
 * and a review recorded on one node acts on the other at once.
 */
class TwoNodesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    private record Node(Brainstem brainstem, WebServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.stop();
            brainstem.close();
        }
    }

    private Node start(String url, String name) {
        Brainstem b = new Brainstem(BrainstemSettings.load(Config.empty(), Map.of("BRAINSTEM_HTTP_PORT", "0",
                "BRAINSTEM_DATA_DIR", dataDir.resolve(name).toString(), "BRAINSTEM_SYSLOG_PORT", "off",
                "BRAINSTEM_DATABASE_URL", url)));
        return new Node(b, b.startHttp());
    }

    private JsonNode call(Node node, String method, String path, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.server().port()
                    + path)).header("Content-Type", "application/json");
            b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, res.statusCode(), path + " " + res.body());
            return JSON.readTree(res.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** One day of two tenants' chatter as one batch: VPN drops that recover, a flapping port, logins, cron. */
    static String day(LocalDate day) {
        List<String> events = new ArrayList<>();
        for (String tenant : List.of("client-b", "client-a")) {
            for (int i = 0; i < 3; i++) {
                int hour = 2 + i * 7;
                events.add(event(tenant, day, hour, 0, "fw-01", "charon", "warning",
                        "IPsec SA with peer 203.0.113.10 dropped (DPD timeout)"));
                events.add(event(tenant, day, hour, 30, "fw-01", "charon", "info",
                        "IPsec SA with peer 203.0.113.10 established"));
                events.add(event(tenant, day, hour + 1, 0, "sw-2", "ifmgr", "err",
                        "%LINK-3-UPDOWN: Interface GigabitEthernet0/" + (i + 1) + ", changed state to down"));
                events.add(event(tenant, day, hour + 1, 20, "sw-2", "ifmgr", "notice",
                        "%LINK-3-UPDOWN: Interface GigabitEthernet0/" + (i + 1) + ", changed state to up"));
                events.add(event(tenant, day, hour + 2, 0, "srv-" + i, "sshd", "info",
                        "Failed password for admin from 198.51.100." + (10 + i) + " port " + (40000 + i) + " ssh2"));
                events.add(event(tenant, day, hour + 3, 0, "srv-1", "CRON", "info",
                        "(root) CMD (/usr/local/bin/backup.sh --day " + day.getDayOfMonth() + ")"));
            }
        }
        return "{\"events\": [" + String.join(",", events) + "]}";
    }

    private static String event(String tenant, LocalDate day, int hour, int second, String host, String service,
            String severity, String message) {
        return "{\"tenant_id\": \"" + tenant + "\", \"source_type\": \"syslog\", \"host\": \"" + host
                + "\", \"service\": \"" + service + "\", \"severity\": \"" + severity + "\", \"timestamp\": \""
                + day + "T%02d:00:%02dZ".formatted(hour, second) + "\", \"message_raw\": \"" + message + "\"}";
    }

    /** What a store holds for a tenant: signatures with counts, candidates with their type and event count. */
    private Map<String, String> outcome(Node node, String tenant) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode s : call(node, "GET", "/signatures?tenant_id=" + tenant + "&limit=1000", null).get("items")) {
            out.put(s.get("signature_id").asText(), s.get("template").asText() + " x"
                    + s.get("occurrence_count").asLong() + " on " + s.get("hosts"));
        }
        for (JsonNode c : call(node, "GET", "/candidates?tenant_id=" + tenant + "&limit=1000", null).get("items")) {
            out.put(c.get("candidate_id").asText(), c.get("candidate_type").asText() + " events "
                    + c.at("/evidence/event_count").asLong());
        }
        return out;
    }

    @Test
    void eventsSplitAcrossTwoNodesGiveWhatOneNodeGivesAndReviewsActOnBoth() throws Exception {
        List<String> days = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            days.add(day(LocalDate.parse("2026-03-01").plusDays(d)));
        }
        Map<String, String> single;
        try (Node one = start(PostgresServer.get().freshDatabaseUrl(), "single")) {
            days.forEach(batch -> call(one, "POST", "/ingest/batch", batch));
            single = new TreeMap<>(outcome(one, "client-a"));
            single.putAll(outcome(one, "client-b"));
        }
        String shared = PostgresServer.get().freshDatabaseUrl();
        try (Node a = start(shared, "a"); Node b = start(shared, "b")) {
            // alternate, then two at a time so that the nodes' writes overlap
            for (int i = 0; i < 4; i++) {
                call(i % 2 == 0 ? a : b, "POST", "/ingest/batch", days.get(i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int i = 4; i < days.size(); i += 2) {
                    String first = days.get(i);
                    String second = days.get(i + 1);
                    Future<JsonNode> x = pool.submit(() -> call(a, "POST", "/ingest/batch", first));
                    Future<JsonNode> y = pool.submit(() -> call(b, "POST", "/ingest/batch", second));
                    x.get();
                    y.get();
                }
            } finally {
                pool.shutdown();
            }
            Map<String, String> split = new TreeMap<>(outcome(a, "client-a"));
            split.putAll(outcome(b, "client-b"));
            assertEquals(single.keySet(), split.keySet(), "the same signature and candidate ids");
            single.forEach((id, what) -> {
                if (id.startsWith("sig_")) {
                    assertEquals(what, split.get(id), "signature " + id + ": counts are sums over both nodes");
                }
            });
            assertEquals(outcome(a, "client-a"), outcome(b, "client-a"), "both nodes read the same store");

            // a review on node a keeps a candidate out of node b's answers at once, also after b ingests more
            JsonNode before = call(b, "GET", "/interesting?tenant_id=client-a&limit=100", null);
            assertTrue(before.get("items").size() > 0, before.toString());
            String id = before.get("items").get(0).get("candidate_id").asText();
            call(a, "POST", "/review/record", "{\"tenant_id\": \"client-a\", \"subject_type\": \"candidate\", \"subject_id\": \"" + id
                    + "\", \"decision\": \"noise\", \"notes\": \"judged on node a\", \"reviewer\": \"ana\"}");
            call(b, "POST", "/ingest/batch", day(LocalDate.parse("2026-03-11")));
            JsonNode interesting = call(b, "GET", "/interesting?tenant_id=client-a&limit=100", null);
            assertFalse(interesting.toString().contains(id), "the reviewed candidate stays out on the other node");
        }
    }
}
