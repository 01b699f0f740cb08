package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** brainstem serving over real HTTP with BRAINSTEM_DATABASE_URL pointing at a real PostgreSQL. */
class PostgresServeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    private BrainstemSettings settings(String url, String password) {
        return BrainstemSettings.load(Config.empty(), Map.of("BRAINSTEM_HTTP_PORT", "0",
                "BRAINSTEM_DATA_DIR", dataDir.toString(), "BRAINSTEM_SYSLOG_PORT", "off",
                "BRAINSTEM_DATABASE_URL", url, "BRAINSTEM_DATABASE_PASSWORD", password));
    }

    private HttpResponse<String> send(WebServer server, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json");
        b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void storesInPostgresSaysSoWithoutThePasswordAndRefusesDbPath() throws Exception {
        String url = PostgresServer.get().freshDatabaseUrl();
        String batch = """
                {"events": [
                  {"source_type": "syslog", "message_raw": "<13>Mar 22 03:00:00 fw-01 charon: VPN tunnel down"},
                  {"source_type": "syslog", "message_raw": "<13>Mar 22 03:00:40 fw-01 charon: VPN tunnel up"},
                  {"source_type": "syslog", "message_raw": "<13>Mar 22 03:01:00 sw-2 kernel: link eth0 down"}]}""";
        try (Brainstem brainstem = new Brainstem(settings(url, "s3cr3t-pw"))) {
            brainstem.checkStorage();
            WebServer server = brainstem.startHttp();
            try {
                HttpResponse<String> ingest = send(server, "POST", "/ingest/batch", batch);
                assertEquals(200, ingest.statusCode(), ingest.body());
                assertEquals(3, JSON.readTree(ingest.body()).get("event_count").asInt(), ingest.body());

                HttpResponse<String> runtime = send(server, "GET", "/runtime", null);
                JsonNode storage = JSON.readTree(runtime.body()).get("storage");
                assertEquals("postgresql", storage.get("engine").asText());
                assertTrue(storage.get("location").asText().startsWith("postgresql://brainstem@127.0.0.1:"),
                        storage.toString());
                assertFalse(runtime.body().contains("s3cr3t-pw"), "the password never appears on /runtime");

                HttpResponse<String> named = send(server, "POST", "/ingest/batch",
                        "{\"db_path\": \"other.sqlite3\", \"events\": [{\"message_raw\": \"x\"}]}");
                assertEquals(400, named.statusCode(), named.body());
                assertEquals("db_path_unsupported", JSON.readTree(named.body()).at("/error/code").asText());
                HttpResponse<String> read = send(server, "GET", "/stats?db_path=other.sqlite3", null);
                assertEquals(400, read.statusCode(), read.body());
            } finally {
                server.stop();
            }
        }
        try (Brainstem again = new Brainstem(settings(url, ""))) {
            WebServer server = again.startHttp();
            try {
                JsonNode stats = JSON.readTree(send(server, "GET", "/stats", null).body());
                assertEquals(3, stats.get("received").asLong(), stats.toString());
                JsonNode events = JSON.readTree(send(server, "GET", "/canonical_events", null).body());
                assertEquals(3, events.get("count").asInt(), events.toString());
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void anUnreachableDatabaseStopsTheStartInOneLineNamingTheVariable() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (Brainstem brainstem = new Brainstem(settings("postgresql://nobody:hunter2@127.0.0.1:" + closed
                + "/none?connectTimeout=2", ""))) {
            StartupException e = assertThrows(StartupException.class, brainstem::checkStorage);
            assertTrue(e.getMessage().contains("BRAINSTEM_DATABASE_URL"), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        }
        StartupException bad = assertThrows(StartupException.class,
                () -> new Brainstem(settings("mysql://x@y/z", "")));
        assertTrue(bad.getMessage().contains("BRAINSTEM_DATABASE_URL"), bad.getMessage());
    }
}
