package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.bootstrap.cli.DigestText;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operational-memory loop over real HTTP on a real SQLite file, with a restart between every step: a week of
 * events, promote, a second week, explain names the incident, related history finds it, noise stays suppressed,
 * and the terminal digest says the same.
 */
class MemoryLoopAcrossRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    protected final HttpClient http = HttpClient.newHttpClient();

    /** The settings of every lifetime; a subclass runs the same loop on another store. */
    protected BrainstemSettings settings() {
        return BrainstemSettings.load(Config.empty(), Map.of("BRAINSTEM_HTTP_PORT", "0",
                "BRAINSTEM_DATA_DIR", dataDir.toString(), "BRAINSTEM_SYSLOG_PORT", "off"));
    }

    /** One process lifetime: start, do the step, stop. */
    private void lifetime(Consumer<Node> step) {
        try (Brainstem brainstem = new Brainstem(settings())) {
            WebServer server = brainstem.startHttp();
            try {
                step.accept(new Node(brainstem, server));
            } finally {
                server.stop();
            }
        }
    }

    private final class Node {
        final Brainstem brainstem;
        final WebServer server;

        Node(Brainstem brainstem, WebServer server) {
            this.brainstem = brainstem;
            this.server = server;
        }

        JsonNode post(String path, String body) {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        JsonNode get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + server.port() + path);
        }

        private JsonNode send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> res = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, res.statusCode(), res.body());
                return JSON.readTree(res.body());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A VPN that drops and recovers {@code perDay} times a day, and routine console logins every hour. */
    private static String week(LocalDate first, int perDay) {
        StringBuilder events = new StringBuilder();
        for (int d = 0; d < 7; d++) {
            LocalDate day = first.plusDays(d);
            for (int i = 0; i < perDay; i++) {
                int hour = 1 + i * (22 / perDay);
                event(events, day + "T%02d:00:00Z".formatted(hour), "fw-01", "charon", "warning",
                        "IPsec SA with peer 203.0.113.10 dropped (DPD timeout)");
                event(events, day + "T%02d:00:30Z".formatted(hour), "fw-01", "charon", "info",
                        "IPsec SA with peer 203.0.113.10 established");
            }
            for (int hour = 0; hour < 24; hour += 3) {
                event(events, day + "T%02d:10:00Z".formatted(hour), "sw-core-1", "sshd", "notice",
                        "Configured from console by admin on vty0 (192.0.2.50)");
            }
        }
        return "{\"source_label\": \"syslog-replay\", \"events\": [" + events + "]}";
    }

    private static void event(StringBuilder out, String at, String host, String service, String severity, String msg) {
        if (!out.isEmpty()) {
            out.append(',');
        }
        out.append("{\"tenant_id\": \"client-a\", \"source_type\": \"syslog\", \"host\": \"").append(host)
                .append("\", \"service\": \"").append(service).append("\", \"severity\": \"").append(severity)
                .append("\", \"timestamp\": \"").append(at).append("\", \"message_raw\": \"").append(msg).append("\"}");
    }

    private static Optional<JsonNode> candidate(JsonNode results, String titleWord, String type) {
        return StreamSupport.stream(results.spliterator(), false)
                .filter(c -> c.get("candidate_type").asText().equals(type))
                .filter(c -> c.toString().contains(titleWord)).findFirst();
    }

    @Test
    void memorySurvivesRestartsAndChangesWhatBrainstemSays() {
        String[] ids = new String[3]; // candidate, incident, console-noise candidate
        lifetime(node -> {
            JsonNode bulk = node.post("/events/ingest_bulk", week(LocalDate.parse("2026-03-01"), 2));
            assertTrue(bulk.get("candidates_created").asInt() >= 2, bulk.toString());
            JsonNode all = node.post("/candidates/search", "{\"tenant_id\": \"client-a\", \"limit\": 100}")
                    .get("results");
            ids[0] = candidate(all, "IPsec", "self_heal").orElseThrow(() -> new AssertionError(all.toString()))
                    .get("candidate_id").asText();
            ids[2] = candidate(all, "Configured", "recurrence").orElseThrow(() -> new AssertionError(all.toString()))
                    .get("candidate_id").asText();
        });
        lifetime(node -> {
            JsonNode promoted = node.post("/candidates/promote", """
                    {"candidate_id": "%s", "title": "Recurring VPN rekey instability for client-a",
                     "summary": "Self-resolving DPD timeouts twice a day; the ISP link flaps.",
                     "incident_type": "vpn_instability"}""".formatted(ids[0]));
            ids[1] = promoted.get("incident_memory_id").asText();
            assertTrue(promoted.get("created").asBoolean());
            node.post("/review/record", """
                    {"tenant_id": "client-a", "subject_type": "candidate", "subject_id": "%s", "decision": "noise",
                     "notes": "admins configure the core switch all day", "reviewer": "steven"}""".formatted(ids[2]));
        });
        lifetime(node -> {
            assertFalse(node.post("/candidates/promote", "{\"candidate_id\": \"" + ids[0] + "\", \"title\": \"again\"}")
                    .get("created").asBoolean(), "the incident survived the restart: promote is idempotent");
            // the second week: the VPN drops twice as often, the console logins go on as before
            node.post("/events/ingest_bulk", week(LocalDate.parse("2026-03-08"), 4));
        });
        lifetime(node -> {
            JsonNode explained = node.post("/candidates/explain", "{\"candidate_id\": \"" + ids[0] + "\"}");
            String explanation = explained.get("explanation").asText();
            assertTrue(explanation.contains(ids[1]), explanation);
            assertTrue(explanation.contains("increased in frequency"), explanation);
            assertEquals(1.0, explained.at("/score_breakdown/memory").asDouble());

            JsonNode related = node.post("/history/related",
                    "{\"subject_type\": \"candidate\", \"subject_id\": \"" + ids[0] + "\", \"limit\": 10}");
            assertEquals(ids[1], related.at("/related_incidents/0/incident_memory_id").asText());
            assertTrue(related.get("related_lessons").toString().contains("ISP link flaps"), related.toString());

            JsonNode interesting = node.get("/interesting?tenant_id=client-a&limit=50");
            assertFalse(interesting.toString().contains(ids[2]), "noise stays out of /interesting after restarts");
            JsonNode noise = StreamSupport.stream(node.get("/candidates?tenant_id=client-a&limit=100").get("items")
                    .spliterator(), false).filter(c -> c.get("candidate_id").asText().equals(ids[2])).findFirst()
                    .orElseThrow();
            assertTrue(noise.get("suppressed").asBoolean(), noise.toString());
            assertTrue(noise.get("review_reason").asText().endsWith("noise on Dec 2, 2026: admins configure the core switch all day")
                    || noise.get("review_reason").asText().contains(": admins configure the core switch all day"),
                    noise.toString());

            JsonNode digest = node.post("/digest/daily",
                    "{\"tenant_id\": \"client-a\", \"since\": \"2026-03-08T00:00:00Z\", \"limit\": 10}");
            assertEquals(ids[0], digest.at("/items/0/candidate_id").asText(), "memory matches come first");
            assertFalse(digest.toString().contains(ids[2]));

            String text = DigestText.render(node.brainstem.memory().digest(DatabaseRef.DEFAULT,
                    Optional.of("client-a"), Optional.of(Instant.parse("2026-03-08T00:00:00Z")), 10),
                    Instant.parse("2026-03-15T00:00:00Z"));
            assertTrue(text.startsWith("brainstem digest — tenant client-a, since 2026-03-08 00:00 UTC (7 days)"), text);
            assertTrue(text.contains(ids[0]) && text.contains("matches incident memory"), text);
            assertTrue(text.contains(ids[1]), "why it matters names the incident: " + text);
            assertFalse(text.contains(ids[2]), text);
            assertTrue(text.lines().allMatch(line -> line.length() <= 100), text);
        });
    }
}
