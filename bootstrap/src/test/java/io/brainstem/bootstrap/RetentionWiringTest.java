package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.RetainRecentEventsUseCase;
import io.brainstem.application.testing.MovableClock;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BRAINSTEM_RETENTION_DAYS, wired: what was received too long ago goes, memory stays, /stats and /runtime say so. */
class RetentionWiringTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    private BrainstemSettings settings(String retentionDays) {
        Map<String, String> env = new HashMap<>(Map.of("BRAINSTEM_HTTP_PORT", "0",
                "BRAINSTEM_DATA_DIR", dataDir.toString(), "BRAINSTEM_SYSLOG_PORT", "off"));
        if (retentionDays != null) {
            env.put("BRAINSTEM_RETENTION_DAYS", retentionDays);
        }
        return BrainstemSettings.load(Config.empty(), env);
    }

    private JsonNode call(WebServer server, String method, String path, String body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        req = body == null ? req.GET() : req.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        return JSON.readTree(res.body());
    }

    private static String batch(String... messages) {
        StringBuilder events = new StringBuilder();
        for (String m : messages) {
            events.append(events.isEmpty() ? "" : ",").append("{\"tenant_id\": \"acme\", \"source_type\": \"syslog\","
                    + " \"host\": \"fw-01\", \"message_raw\": \"").append(m).append("\"}");
        }
        return "{\"events\": [" + events + "]}";
    }

    @Test
    void expiredEnvelopesAndEventsGoWhileSignaturesAndCandidatesStay() throws Exception {
        MovableClock clock = new MovableClock(T0);
        try (Brainstem brainstem = new Brainstem(settings("2"), clock)) {
            WebServer server = brainstem.startHttp();
            try {
                call(server, "POST", "/ingest/batch", batch("IPsec SA with peer 203.0.113.10 dropped (DPD timeout)",
                        "IPsec SA with peer 203.0.113.10 dropped (DPD timeout)",
                        "IPsec SA with peer 203.0.113.10 dropped (DPD timeout)"));
                clock.set(T0.plus(Duration.ofDays(3)));
                call(server, "POST", "/ingest/batch", batch("IPsec SA with peer 203.0.113.11 established"));
                long signaturesBefore = call(server, "GET", "/stats", null).get("signatures").asLong();
                long candidatesBefore = call(server, "GET", "/stats", null).get("candidates_generated").asLong();
                assertTrue(candidatesBefore > 0, "three drops make a candidate");

                long deleted = brainstem.retention().orElseThrow().sweepAll();

                assertEquals(3, deleted, "the three envelopes received three days ago, not the one of today");
                JsonNode stats = call(server, "GET", "/stats", null);
                assertEquals(1, stats.get("received").asLong());
                assertEquals(2, stats.at("/retention/retention_days").asInt());
                assertEquals(T0.plus(Duration.ofDays(3)).toString(), stats.at("/retention/oldest_received_at").asText());
                assertEquals(signaturesBefore, stats.get("signatures").asLong(), "signatures are memory: kept");
                assertEquals(candidatesBefore, stats.get("candidates_generated").asLong(), "candidates are kept");
                assertEquals(0, call(server, "POST", "/events/search",
                        "{\"tenant_id\": \"acme\", \"query\": \"dropped\"}").get("results").size(),
                        "deleted events leave the search index too");

                JsonNode runtime = call(server, "GET", "/runtime", null).get("retention");
                assertTrue(runtime.get("enabled").asBoolean());
                assertEquals(2, runtime.get("retention_days").asInt());
                assertEquals(3, runtime.get("deleted_total").asLong());
                assertEquals(T0.plus(Duration.ofDays(3)).toString(), runtime.get("last_sweep_at").asText());
                assertTrue(runtime.get("last_error").isNull());
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void offKeepsEverythingAndSaysSo() throws Exception {
        try (Brainstem brainstem = new Brainstem(settings("off"))) {
            assertTrue(brainstem.retention().isEmpty());
            brainstem.startRetention(); // nothing to start
            WebServer server = brainstem.startHttp();
            try {
                JsonNode runtime = call(server, "GET", "/runtime", null).get("retention");
                assertFalse(runtime.get("enabled").asBoolean());
                assertTrue(runtime.get("retention_days").isNull());
                assertTrue(call(server, "GET", "/stats", null).at("/retention/retention_days").isNull());
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void theDefaultIsThirtyDaysAndNonsenseIsRefusedByName() {
        assertEquals(30, settings(null).retentionDays());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> settings("0"));
        assertTrue(bad.getMessage().contains("BRAINSTEM_RETENTION_DAYS"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> settings("a week"));
    }

    @Test
    void theScheduleOutlivesASweepThatThrows() throws Exception {
        CountDownLatch sweeps = new CountDownLatch(3);
        RetainRecentEventsUseCase failing = new RetainRecentEventsUseCase() {
            @Override
            public long sweep(DatabaseRef db) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long sweepAll() {
                sweeps.countDown();
                if (sweeps.getCount() == 2) {
                    throw new IllegalStateException("the database is corrupt");
                }
                throw new AssertionError("not even an exception");
            }

            @Override
            public Duration period() {
                return Duration.ofDays(1);
            }

            @Override
            public RetentionStatus status() {
                return new RetentionStatus(Duration.ofDays(1), 0, Optional.empty(), Optional.empty());
            }
        };
        try (RetentionSchedule schedule = RetentionSchedule.start(failing, Duration.ZERO, Duration.ofMillis(5))) {
            assertTrue(sweeps.await(10, TimeUnit.SECONDS), "sweeps go on after one threw an exception and one an error");
        }
    }
}
