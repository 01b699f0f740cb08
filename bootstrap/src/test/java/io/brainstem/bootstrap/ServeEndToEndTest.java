package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wired application on a real port and a real SQLite file, across a restart. */
class ServeEndToEndTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    private BrainstemSettings settings() {
        return BrainstemSettings.load(Config.empty(), Map.of(
                "BRAINSTEM_HTTP_PORT", "0",
                "BRAINSTEM_DATA_DIR", dataDir.toString(),
                "BRAINSTEM_SYSLOG_PORT", "off"));
    }

    private HttpResponse<String> post(WebServer server, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    @Test
    void whatWasAcknowledgedSurvivesARestart() throws Exception {
        String event = "{\"tenant_id\": \"demo-tenant\", \"source_type\": \"syslog\", \"host\": \"fw-01\","
                + " \"message_raw\": \"Mar 22 03:00:00 fw-01 charon: VPN tunnel recovered\"}";
        try (Brainstem first = new Brainstem(settings())) {
            WebServer server = first.startHttp();
            try {
                HttpResponse<String> res = post(server, "/ingest/event", event);
                assertEquals(200, res.statusCode(), res.body());
                assertTrue(res.body().contains("\"candidate_count\":0"), res.body());
            } finally {
                server.stop();
            }
        }
        Path db = dataDir.resolve("brainstem.sqlite3");
        assertTrue(Files.exists(db));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM raw_envelopes"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM canonical_events"));

        try (Brainstem second = new Brainstem(settings())) {
            WebServer server = second.startHttp();
            try {
                HttpResponse<String> res = post(server, "/ingest/event", event);
                assertEquals(200, res.statusCode(), res.body());
                assertTrue(res.body().contains("\"candidate_count\":1"),
                        "the signature seen before the restart counts toward the threshold: " + res.body());
            } finally {
                server.stop();
            }
        }
        assertEquals(2, count(db, "SELECT COUNT(*) FROM raw_envelopes"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM signatures"));
        assertEquals(2, count(db, "SELECT occurrence_count FROM signatures"));
    }

    @Test
    void namedDatabaseStaysInsideTheDataDirectory() throws Exception {
        try (Brainstem brainstem = new Brainstem(settings())) {
            WebServer server = brainstem.startHttp();
            try {
                String batch = "{\"db_path\": \"team-a/brainstem.sqlite3\", \"events\": [{\"tenant_id\": \"t\","
                        + " \"source_type\": \"file\", \"message_raw\": \"hello\"}]}";
                assertEquals(200, post(server, "/ingest/batch", batch).statusCode());
                assertTrue(Files.exists(dataDir.resolve("team-a/brainstem.sqlite3")));
                HttpResponse<String> escape = post(server, "/ingest/batch",
                        batch.replace("team-a/brainstem.sqlite3", "../escape.sqlite3"));
                assertEquals(400, escape.statusCode());
                assertTrue(escape.body().contains("invalid_db_path"));
                assertTrue(Files.notExists(dataDir.resolve("../escape.sqlite3").normalize()));
            } finally {
                server.stop();
            }
        }
    }
}
