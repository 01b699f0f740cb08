package io.brainstem.adapters.http;

import static io.brainstem.adapters.http.ApiTestSupport.assertOk;
import static io.brainstem.adapters.http.ApiTestSupport.get;
import static io.brainstem.adapters.http.ApiTestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brainstem.adapters.http.ApiTestSupport.Reply;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi} serves the document, and every endpoint's real responses — successes and errors —
 * have exactly the fields, types and nullability the document declares.
 */
@ServerTest
class OpenApiHttpServiceTest {

    private static final String DB = "openapi-conformance";
    private final Http1Client client;

    OpenApiHttpServiceTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder builder) {
        java.time.Instant start = java.time.Instant.parse("2026-03-22T00:00:00Z");
        HttpApi.routing(builder, ApiTestSupport.dependencies(ApiLimits.DEFAULTS, Optional.empty(), Map.of(),
                ApiTestSupport.portalOf(List.of(new io.brainstem.domain.alert.AlertReport("DS1", start,
                        Optional.of(start.plusSeconds(40)), "edge-fw-01", null, "3", "IPSec Tunnel site-b is down",
                        "12345", Map.of("datasource", "IPSec Tunnel", "instance", "site-b"), Map.of())))));
    }

    private String fetchOpenApi() {
        try (Http1ClientResponse res = client.get("/openapi").request()) {
            assertEquals(Status.OK_200, res.status());
            assertTrue(res.headers().value(HeaderNames.CONTENT_TYPE).orElse("").contains("yaml"));
            return res.as(String.class);
        }
    }

    @Test
    void servesAnOpenApi3DocumentOfEveryEndpoint() {
        OpenApiDocument served = OpenApiDocument.parse(fetchOpenApi());
        assertTrue(served.version().startsWith("3."), served.version());
        assertEquals(new TreeSet<>(HttpApi.ENDPOINTS), served.operations());
    }

    @Test
    void everyResponseHasTheDocumentedShape() {
        OpenApiDocument doc = OpenApiDocument.parse(fetchOpenApi());
        Map<String, Reply> replies = new LinkedHashMap<>();
        replies.put("POST /ingest/event", post(client, "/ingest/event", IngestHttpServiceTest.SEED_EVENT,
                "db_path", DB));
        replies.put("POST /ingest/batch", post(client, "/ingest/batch", IngestHttpServiceTest.SEED_BATCH,
                "db_path", DB));
        replies.put("POST /ingest/logicmonitor", post(client, "/ingest/logicmonitor",
                LogicMonitorIngestHttpTest.SEED_LOGICMONITOR, "db_path", DB));
        post(client, "/ingest/event", "{\"source_type\": \"syslog\", \"message_raw\": \"<999>x\"}", "db_path", DB);
        replies.put("POST /replay/raw", post(client, "/replay/raw",
                "{\"raw_envelope_ids\": [1, 5, 77], \"force\": false}", "db_path", DB));
        String signatureId = get(client, "/signatures", "db_path", DB).body().at("/items/0/signature_id").asText();
        String candidateId = get(client, "/candidates", "db_path", DB).body().at("/items/0/candidate_id").asText();
        replies.put("POST /events/ingest", post(client, "/events/ingest", IngestHttpServiceTest.SEED_EVENT,
                "db_path", DB));
        replies.put("POST /events/ingest_bulk", post(client, "/events/ingest_bulk", IngestHttpServiceTest.SEED_BATCH,
                "db_path", DB));
        replies.put("POST /events/search", post(client, "/events/search", "{\"query\": \"vpn\"}", "db_path", DB));
        replies.put("POST /candidates/search", post(client, "/candidates/search", "{}", "db_path", DB));
        replies.put("POST /candidates/explain", post(client, "/candidates/explain",
                "{\"candidate_id\": \"" + candidateId + "\"}", "db_path", DB));
        Reply promoted = post(client, "/candidates/promote", "{\"candidate_id\": \"" + candidateId
                + "\", \"title\": \"Recurring VPN trouble\"}", "db_path", DB);
        replies.put("POST /candidates/promote", promoted);
        String incidentId = promoted.body().path("incident_memory_id").asText();
        replies.put("POST /incidents/search", post(client, "/incidents/search", "{\"query\": \"vpn flaps\"}",
                "db_path", DB));
        replies.put("POST /history/related", post(client, "/history/related",
                "{\"subject_type\": \"candidate\", \"subject_id\": \"" + candidateId + "\"}", "db_path", DB));
        replies.put("POST /review/record", post(client, "/review/record", "{\"subject_type\": \"candidate\", "
                + "\"subject_id\": \"" + candidateId + "\", \"decision\": \"useful\"}", "db_path", DB));
        replies.put("POST /digest/daily", post(client, "/digest/daily", "{}", "db_path", DB));
        replies.put("POST /connectors/logicmonitor/events", post(client, "/connectors/logicmonitor/events",
                LogicMonitorConnectorHttpTest.SEED_EVENT, "db_path", DB));
        replies.put("POST /connectors/logicmonitor/sync", post(client, "/connectors/logicmonitor/sync",
                LogicMonitorConnectorHttpTest.SEED_SYNC, "db_path", DB));
        List<String> notJson = List.of("GET /openapi", "GET /metrics"); // YAML; Prometheus text (MetricsHttpServiceTest)
        for (String endpoint : HttpApi.ENDPOINTS) {
            if (endpoint.startsWith("GET ") && !notJson.contains(endpoint)) {
                String path = endpoint.substring(4).replace("{raw_envelope_id}", "5")
                        .replace("{signature_id}", signatureId).replace("{incident_memory_id}", incidentId);
                replies.put(endpoint, get(client, path, "db_path", DB));
            }
        }
        assertEquals(HttpApi.ENDPOINTS.size() - notJson.size(), replies.size(), "every JSON endpoint was called");

        List<String> problems = new ArrayList<>();
        replies.forEach((endpoint, reply) -> {
            if (reply.status() != Status.OK_200) {
                problems.add(endpoint + " answered " + reply.status() + ": " + reply.body());
                return;
            }
            doc.violations(reply.body(), doc.responseSchema(endpoint, "200"))
                    .forEach(v -> problems.add(endpoint + ": " + v));
        });
        assertEquals(List.of(), problems);
        assertTrue(replies.get("GET /interesting").body().get("count").asInt() > 0, "schemas were checked on items");
        assertTrue(replies.get("GET /failures").body().get("count").asInt() > 0, "schemas were checked on items");
    }

    @Test
    void errorsHaveTheDocumentedErrorShape() {
        OpenApiDocument doc = OpenApiDocument.parse(fetchOpenApi());
        Map<String, Reply> errors = new LinkedHashMap<>();
        errors.put("POST /ingest/event 400", post(client, "/ingest/event", "{\"tenant_id\": 5}"));
        errors.put("POST /replay/raw 400", post(client, "/replay/raw", "{}"));
        errors.put("GET /candidates 400", get(client, "/candidates", "limit", "0"));
        errors.put("GET /failures/{raw_envelope_id} 404", get(client, "/failures/4242"));
        errors.put("POST /connectors/logicmonitor/events 400", post(client, "/connectors/logicmonitor/events",
                "{\"timestamp\": \"2026-03-22T00:00:00Z\"}"));
        errors.put("POST /connectors/logicmonitor/sync 400", post(client, "/connectors/logicmonitor/sync",
                "{\"mode\": \"devices\"}"));
        List<String> problems = new ArrayList<>();
        errors.forEach((key, reply) -> {
            String[] parts = key.split(" ");
            assertEquals(Integer.parseInt(parts[2]), reply.status().code(), key);
            doc.violations(reply.body(), doc.responseSchema(parts[0] + " " + parts[1], parts[2]))
                    .forEach(v -> problems.add(key + ": " + v));
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void schemaCheckCatchesAnUndeclaredField() {
        OpenApiDocument doc = OpenApiDocument.bundled();
        JsonNode body = assertOk(get(client, "/stats"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("surprise", 1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("received");
        List<String> violations = doc.violations(body, doc.responseSchema("GET /stats", "200"));
        assertEquals(List.of("$ lacks required field received", "$.surprise is not declared in the document"),
                violations);
    }
}
