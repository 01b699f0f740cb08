package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brainstem.adapters.logicmonitor.FakeLogicMonitorPortal;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LogicMonitor sync wired end to end: brainstem on a real port and SQLite file, the fake portal over real HTTP
 * checking every LMv1 signature, a 429, pages, clearings between syncs, and a restart in the middle.
 */
class LogicMonitorSyncEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NOW = Instant.now().getEpochSecond();
    private static final long START = NOW - 7_200;

    @TempDir
    Path dataDir;

    private final FakeLogicMonitorPortal portal = new FakeLogicMonitorPortal();
    private final HttpClient http = HttpClient.newHttpClient();
    /** Every body brainstem answered, to look for the access key in. */
    private final List<String> answers = new ArrayList<>();

    @AfterEach
    void stopPortal() {
        portal.close();
    }

    private BrainstemSettings settings(String accessKey, String interval) {
        Map<String, String> env = new HashMap<>(Map.of("BRAINSTEM_HTTP_PORT", "0",
                "BRAINSTEM_DATA_DIR", dataDir.toString(), "BRAINSTEM_SYSLOG_PORT", "off",
                "BRAINSTEM_LM_COMPANY", "acme", "BRAINSTEM_LM_BASE_URL", portal.baseUrl().toString(),
                "BRAINSTEM_LM_ACCESS_ID", FakeLogicMonitorPortal.ACCESS_ID, "BRAINSTEM_LM_ACCESS_KEY", accessKey,
                "BRAINSTEM_LM_SYNC_TENANT", "client-a"));
        env.put("BRAINSTEM_LM_SYNC_INTERVAL", interval);
        return BrainstemSettings.load(Config.empty(), env);
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer call(WebServer server, String path, String body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json");
        req = body == null ? req.GET() : req.POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        answers.add(res.body());
        return new Answer(res.statusCode(), JSON.readTree(res.body()));
    }

    private JsonNode ok(Answer a) {
        assertEquals(200, a.status(), a.body().toString());
        return a.body();
    }

    private JsonNode sync(WebServer server, String body) throws Exception {
        return ok(call(server, "/connectors/logicmonitor/sync", body));
    }

    private static final String SYNC = "{\"tenant_id\": \"client-a\", \"since\": \""
            + Instant.ofEpochSecond(START - 3_600) + "\", \"mode\": \"alerts\"}";

    private void assertNoKeyAnswered() {
        for (String a : answers) {
            assertFalse(a.contains(FakeLogicMonitorPortal.ACCESS_KEY), "the access key was answered: " + a);
        }
    }

    @Test
    void syncTakesPagesAndClearingsOnceAndResumesFromItsCursorAfterARestart() throws Exception {
        for (int i = 0; i < 2_500; i++) {
            portal.raise("DS" + i, START + i, 2 + i % 3, "edge-fw-" + (i % 40), "IPSec Tunnel", "site-" + (i % 7));
            if (i % 5 == 0) {
                portal.clear("DS" + i, START + i + 40);
            }
        }
        portal.rateLimitNext(1);
        long received;
        try (Brainstem brainstem = new Brainstem(settings(FakeLogicMonitorPortal.ACCESS_KEY, "off"))) {
            WebServer server = brainstem.startHttp();
            try {
                JsonNode first = sync(server, SYNC);
                assertEquals(2_500, first.get("ingested").asInt(), first.toString());
                assertEquals(2_500, first.get("raised").asInt());
                assertEquals(4, first.get("requests").asInt(), "three pages of 1000 and the 429 once");
                assertTrue(first.get("signatures_created").asInt() > 0, first.toString());
                assertTrue(first.get("candidates_created").asInt() > 0, first.toString());
                assertEquals(Instant.ofEpochSecond(START + 1).toString(), first.get("resume_from").asText(),
                        "the oldest alert still active");
                assertEquals(List.of(), portal.problems(), "every request signed and versioned right");

                for (int i = 1; i <= 10; i++) { // DS11, DS21, ... DS101: all active until now
                    portal.clear("DS" + (i * 10 + 1), START + i * 10 + 1 + 300);
                }
                for (int i = 0; i < 3; i++) {
                    portal.raise("DS-new-" + i, NOW - 60 + i, 4, "core-sw-01", "Ping", null);
                }
                JsonNode second = sync(server, SYNC);
                assertEquals(13, second.get("ingested").asInt(), second.toString());
                assertEquals(10, second.get("cleared").asInt());
                assertEquals(3, second.get("raised").asInt());
                received = ok(call(server, "/stats", null)).get("received").asLong();
                assertEquals(2_513, received, "one event per alert and one per clearing, nothing twice");
            } finally {
                server.stop();
            }
        }

        portal.clear("DS2", START + 2 + 999);
        int requestsBefore = portal.requests().size();
        try (Brainstem brainstem = new Brainstem(settings(FakeLogicMonitorPortal.ACCESS_KEY, "off"))) {
            WebServer server = brainstem.startHttp();
            try {
                JsonNode afterRestart = sync(server, "{\"tenant_id\": \"client-a\"}");
                assertEquals(1, afterRestart.get("ingested").asInt(), afterRestart.toString());
                assertEquals(1, afterRestart.get("cleared").asInt(), "the history survived the restart");
                assertEquals(Instant.ofEpochSecond(START + 1).toString(), afterRestart.get("from").asText(),
                        "the cursor survived the restart");
                assertTrue(portal.requests().get(requestsBefore).contains("startEpoch>:\"" + (START + 1) + "\""),
                        portal.requests().get(requestsBefore));
                assertEquals(received + 1, ok(call(server, "/stats", null)).get("received").asLong());
                JsonNode lm = ok(call(server, "/runtime", null)).get("logicmonitor");
                assertTrue(lm.get("configured").asBoolean());
                assertEquals("acme", lm.get("portal").asText());
                assertEquals(1, lm.get("alerts_synced_total").asInt());
            } finally {
                server.stop();
            }
        }
        assertNoKeyAnswered();
    }

    @Test
    void aRefusedKeyIsA502NamingTheCredentialSettingsAndTheKeyIsNowhere() throws Exception {
        String wrongKey = "wrong-key-Q9v1x";
        try (Brainstem brainstem = new Brainstem(settings(wrongKey, "off"))) {
            WebServer server = brainstem.startHttp();
            try {
                Answer refused = call(server, "/connectors/logicmonitor/sync", SYNC);
                assertEquals(502, refused.status(), refused.body().toString());
                assertEquals("logicmonitor_unauthorized", refused.body().at("/error/code").asText());
                String message = refused.body().at("/error/message").asText();
                assertTrue(message.contains("BRAINSTEM_LM_ACCESS_ID") && message.contains("BRAINSTEM_LM_ACCESS_KEY"),
                        message);
                String runtime = call(server, "/runtime", null).body().toString();
                assertTrue(runtime.contains("refused the API token"), runtime);
                assertFalse(runtime.contains(wrongKey), runtime);
                assertFalse(refused.body().toString().contains(wrongKey));
                assertFalse(brainstem.settings().toString().contains(wrongKey), "settings print without the key");
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void theScheduledSyncRunsTheSameUseCaseInTheBackgroundAndShowsOnRuntime() throws Exception {
        for (int i = 0; i < 20; i++) {
            portal.raise("DS" + i, START + i, 3, "edge-fw-01", "IPSec Tunnel", "site-" + i);
        }
        try (Brainstem brainstem = new Brainstem(settings(FakeLogicMonitorPortal.ACCESS_KEY, "1s"))) {
            WebServer server = brainstem.startHttp();
            try {
                brainstem.startLogicMonitorSync(Duration.ZERO);
                JsonNode lm = await("a scheduled sync", () -> {
                    try {
                        return ok(call(server, "/runtime", null)).get("logicmonitor");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, s -> s.get("runs").asInt() >= 1 && s.get("alerts_synced_total").asInt() == 20);
                assertEquals(1, lm.get("sync_interval_seconds").asInt());
                assertFalse(lm.get("next_run_at").isNull(), lm.toString());
                assertTrue(lm.get("last_error").isNull(), lm.toString());
                assertEquals("client-a", lm.at("/last_result/tenant_id").asText());

                portal.clear("DS3", START + 3 + 50);
                await("the clearing, synced", () -> {
                    try {
                        return ok(call(server, "/runtime", null)).get("logicmonitor");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, s -> s.get("alerts_synced_total").asInt() == 21);
            } finally {
                server.stop();
            }
        }
        assertNoKeyAnswered();
    }

    private static JsonNode await(String what, Supplier<JsonNode> probe,
            java.util.function.Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + "; last: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            last = probe.get();
        }
        return last;
    }
}
