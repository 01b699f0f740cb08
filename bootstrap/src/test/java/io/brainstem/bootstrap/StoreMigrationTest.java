package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brainstem.adapters.persistence.postgres.PostgresAddress;
import io.brainstem.adapters.persistence.postgres.PostgresServer;
import io.brainstem.adapters.persistence.postgres.PostgresTableTarget;
import io.brainstem.adapters.persistence.relational.StoreTables;
import io.brainstem.adapters.persistence.sqlite.SqliteTableSource;
import io.brainstem.bootstrap.cli.Progress;
import io.brainstem.bootstrap.cli.StoreMigration;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/brainstem migrate}: a SQLite store with events, signatures, candidates, an incident and a review is
 * copied into PostgreSQL; a copy that stopped halfway resumes; every count matches; brainstem on PostgreSQL then
 * answers as it did on SQLite.
 */
class StoreMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode call(WebServer server, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json");
        b = body == null ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), path + " " + res.body());
        return JSON.readTree(res.body());
    }

    private <T> T withNode(Map<String, String> env, Function<WebServer, T> step) {
        Map<String, String> all = new HashMap<>(Map.of("BRAINSTEM_HTTP_PORT", "0", "BRAINSTEM_DATA_DIR",
                dataDir.toString(), "BRAINSTEM_SYSLOG_PORT", "off"));
        all.putAll(env);
        try (Brainstem b = new Brainstem(BrainstemSettings.load(Config.empty(), all))) {
            WebServer server = b.startHttp();
            try {
                return step.apply(server);
            } finally {
                server.stop();
            }
        }
    }

    /** What an operator sees: stats, candidates, the incident search. */
    private Map<String, String> view(WebServer server) {
        try {
            Map<String, String> v = new HashMap<>();
            JsonNode stats = call(server, "/stats", null);
            v.put("received", stats.get("received").asText());
            v.put("signatures", stats.get("signatures").asText());
            // the counts kept as events are written (ADR 33): the copy counts what it copies; ties in any order
            for (String status : List.of("canonicalized", "parse_failed", "unsupported", "pending")) {
                v.put(status, stats.get(status).asText());
            }
            call(server, "/sources?limit=1000", null).get("source_summaries").properties().forEach(d -> {
                List<String> values = new java.util.ArrayList<>();
                d.getValue().forEach(x -> values.add(x.toString()));
                java.util.Collections.sort(values);
                v.put("sources " + d.getKey(), values.toString());
            });
            List<String> sources = new java.util.ArrayList<>();
            call(server, "/sources/status?limit=1000", null).get("items").forEach(x -> sources.add(x.toString()));
            java.util.Collections.sort(sources);
            v.put("sources/status", sources.toString());
            for (JsonNode c : call(server, "/candidates?tenant_id=client-a&limit=1000", null).get("items")) {
                v.put(c.get("candidate_id").asText(), c.get("decision_band").asText() + " "
                        + c.get("score_total").asText());
            }
            v.put("incidents", call(server, "/incidents/search", "{\"query\": \"vpn flaps\"}").get("results")
                    .toString());
            return v;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSqliteStoreIsCopiedIntoPostgresResumablyAndAnswersTheSame() throws Exception {
        Map<String, String> onSqlite = withNode(Map.of(), server -> {
            try {
                for (int d = 0; d < 5; d++) {
                    call(server, "/ingest/batch", TwoNodesTest.day(LocalDate.parse("2026-03-01").plusDays(d)));
                }
                JsonNode first = call(server, "/interesting?tenant_id=client-a&limit=5", null).get("items").get(0);
                call(server, "/candidates/promote", "{\"candidate_id\": \"" + first.get("candidate_id").asText()
                        + "\", \"title\": \"Recurring VPN flaps at client-a\", \"summary\": \"DPD timeouts\"}");
                call(server, "/review/record", "{\"tenant_id\": \"client-a\", \"subject_type\": \"candidate\", "
                        + "\"subject_id\": \"" + first.get("candidate_id").asText()
                        + "\", \"decision\": \"useful\", \"notes\": \"real\"}");
                return view(server);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(onSqlite.get("incidents").contains("inc_"), onSqlite.get("incidents"));
        String url = PostgresServer.get().freshDatabaseUrl();
        PostgresAddress address = PostgresAddress.parse(url, Optional.empty());
        Path file = dataDir.resolve("brainstem.sqlite3");

        // the first copy stops after two chunks of events, as if it had been interrupted
        try (SqliteTableSource source = new SqliteTableSource(file);
                PostgresTableTarget target = new PostgresTableTarget(address)) {
            StoreTables.Source failing = new StoreTables.Source() {
                private int chunks;

                @Override
                public List<Object[]> events(long afterId, int limit) {
                    if (++chunks > 2) {
                        throw new IllegalStateException("interrupted");
                    }
                    return source.events(afterId, limit);
                }

                @Override
                public List<Object[]> rows(StoreTables.Table table) {
                    return source.rows(table);
                }

                @Override
                public long count(StoreTables.Table table) {
                    return source.count(table);
                }

                @Override
                public void close() {
                }
            };
            assertThrows(IllegalStateException.class,
                    () -> new StoreMigration(failing, target, 50).run(new Progress(QUIET, false), QUIET));
            assertEquals(100, target.count(StoreTables.EVENTS), "two chunks were committed");
            StoreMigration.Result resumed = new StoreMigration(source, target, 50).run(new Progress(QUIET, false),
                    QUIET);
            assertTrue(resumed.verified(), resumed.mismatches().toString());
            assertTrue(resumed.resumedAfter() > 0, "the second run resumed after the committed chunks");
            assertEquals(source.count(StoreTables.EVENTS) - 100, resumed.eventsCopied());
            StoreMigration.Result again = new StoreMigration(source, target, 50).run(new Progress(QUIET, false),
                    QUIET);
            assertTrue(again.verified(), again.mismatches().toString());
            assertEquals(0, again.eventsCopied(), "nothing twice");
        }
        Map<String, String> onPostgres = withNode(Map.of("BRAINSTEM_DATABASE_URL", url), this::view);
        assertEquals(onSqlite, onPostgres);
        // and it goes on: the next event gets an id after the copied ones
        withNode(Map.of("BRAINSTEM_DATABASE_URL", url), server -> {
            try {
                return call(server, "/ingest/batch", TwoNodesTest.day(LocalDate.parse("2026-03-06")));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
