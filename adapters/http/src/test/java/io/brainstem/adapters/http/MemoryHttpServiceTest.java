package io.brainstem.adapters.http;

import static io.brainstem.adapters.http.ApiTestSupport.assertError;
import static io.brainstem.adapters.http.ApiTestSupport.assertOk;
import static io.brainstem.adapters.http.ApiTestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The 0.0.3 operational-memory endpoints over a real socket, with the seed's example payloads. */
@ServerTest
class MemoryHttpServiceTest {

    private final Http1Client client;

    MemoryHttpServiceTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder builder) {
        HttpApi.routing(builder, ApiTestSupport.dependencies(ApiLimits.DEFAULTS, Optional.empty()));
    }

    private static String vpnWeek() {
        StringBuilder events = new StringBuilder();
        for (int d = 15; d < 22; d++) {
            for (String h : new String[] {"03", "15"}) {
                if (!events.isEmpty()) {
                    events.append(',');
                }
                events.append("{\"tenant_id\":\"client-a\",\"source_type\":\"syslog\",\"host\":\"fw-01\",")
                        .append("\"service\":\"charon\",\"severity\":\"warning\",\"timestamp\":\"2026-03-").append(d)
                        .append('T').append(h).append(":00:00Z\",\"message_raw\":\"IPsec SA with peer 203.0.113.10 dropped (DPD timeout)\"},")
                        .append("{\"tenant_id\":\"client-a\",\"source_type\":\"syslog\",\"host\":\"fw-01\",")
                        .append("\"service\":\"charon\",\"severity\":\"info\",\"timestamp\":\"2026-03-").append(d)
                        .append('T').append(h).append(":00:30Z\",\"message_raw\":\"IPsec SA with peer 203.0.113.10 established\"}");
            }
        }
        return "{\"source_label\":\"syslog-replay\",\"events\":[" + events + "]}";
    }

    @Test
    void seedIngestExampleAnswersInTheSeedShape() {
        JsonNode r = assertOk(post(client, "/events/ingest", """
                {"tenant_id": "client-a", "asset_id": "fw-01", "source_type": "syslog",
                 "source_path": "/var/log/syslog", "host": "fw-01", "service": "charon",
                 "timestamp": "2026-03-22T03:30:00Z", "severity": "warning", "facility": "daemon",
                 "message_raw": "IPsec SA rekey failed; retrying", "structured_fields": {"peer": "203.0.113.10"}}""",
                "db_path", "seed-ingest"));
        assertTrue(r.get("event_id").asLong() > 0);
        assertTrue(r.get("signature_id").asText().startsWith("sig_"));
        assertTrue(r.get("candidate_ids").isArray());
        assertEquals(1, r.get("event_count").asInt());
    }

    @Test
    void wholeLoopOverHttp() {
        JsonNode bulk = assertOk(post(client, "/events/ingest_bulk", vpnWeek(), "db_path", "loop"));
        assertEquals(28, bulk.get("ingested").asInt());
        assertTrue(bulk.get("signatures_created").asInt() >= 2);
        assertTrue(bulk.get("candidates_created").asInt() >= 1);

        JsonNode found = assertOk(post(client, "/candidates/search", """
                {"tenant_id": "client-a", "decision_band": ["review", "urgent_human_review"],
                 "candidate_type": ["recurrence", "self_heal"], "limit": 20}""", "db_path", "loop"));
        String candidate = found.get("results").get(0).get("candidate_id").asText();

        JsonNode promoted = assertOk(post(client, "/candidates/promote", """
                {"candidate_id": "%s", "title": "Recurring VPN rekey instability for client-a",
                 "summary": "Observed 12 self-resolving rekey failures over 7 days.", "incident_type": "vpn_instability"}
                """.formatted(candidate), "db_path", "loop"));
        String incident = promoted.get("incident_memory_id").asText();
        assertTrue(incident.startsWith("inc_"));
        assertTrue(promoted.get("created").asBoolean());
        assertFalse(assertOk(post(client, "/candidates/promote", """
                {"candidate_id": "%s", "title": "again"}""".formatted(candidate), "db_path", "loop"))
                .get("created").asBoolean());

        JsonNode explained = assertOk(post(client, "/candidates/explain",
                "{\"candidate_id\": \"" + candidate + "\"}", "db_path", "loop"));
        assertEquals(incident, explained.get("evidence").get("related_incidents").get(0).asText());
        assertTrue(explained.get("explanation").asText().contains(incident));
        assertEquals(1.0, explained.get("score_breakdown").get("memory").asDouble());

        JsonNode incidents = assertOk(post(client, "/incidents/search",
                "{\"tenant_id\": \"client-a\", \"query\": \"vpn flaps\", \"limit\": 10}", "db_path", "loop"));
        assertEquals(incident, incidents.get("results").get(0).get("incident_memory_id").asText());

        String signature = explained.get("evidence").get("signature_ids").get(0).asText();
        JsonNode related = assertOk(post(client, "/history/related",
                "{\"subject_type\": \"signature\", \"subject_id\": \"" + signature + "\", \"limit\": 10}",
                "db_path", "loop"));
        assertEquals(incident, related.get("related_incidents").get(0).get("incident_memory_id").asText());

        JsonNode review = assertOk(post(client, "/review/record", """
                {"tenant_id": "client-a", "subject_type": "candidate", "subject_id": "%s", "decision": "noise",
                 "notes": "lab tunnel", "reviewer": "steven"}""".formatted(candidate), "db_path", "loop"));
        assertTrue(review.get("review_id").asText().startsWith("rev_"));
        JsonNode digest = assertOk(post(client, "/digest/daily",
                "{\"tenant_id\": \"client-a\", \"since\": \"2026-03-21T00:00:00Z\", \"limit\": 10}", "db_path", "loop"));
        for (JsonNode item : digest.get("items")) {
            assertFalse(item.get("candidate_id").asText().equals(candidate), "noise is left out of the digest");
        }
        JsonNode events = assertOk(post(client, "/events/search",
                "{\"tenant_id\": \"client-a\", \"query\": \"dropped\", \"host\": \"fw-01\", \"limit\": 5}",
                "db_path", "loop"));
        assertEquals(5, events.get("results").size());
        assertFalse(events.get("next_cursor").isNull());
    }

    @Test
    void badInputIsA400NamingTheFieldAndUnknownIdsA404() {
        assertError(post(client, "/review/record", """
                {"subject_type": "candidate", "subject_id": "cand_x", "decision": "maybe"}"""),
                Status.BAD_REQUEST_400, "invalid_decision");
        assertError(post(client, "/history/related", "{\"subject_type\": \"host\", \"subject_id\": \"x\"}"),
                Status.BAD_REQUEST_400, "invalid_subject_type");
        assertError(post(client, "/candidates/search", "{\"decision_band\": [\"loud\"]}"),
                Status.BAD_REQUEST_400, "invalid_decision_band");
        assertError(post(client, "/candidates/promote", "{\"candidate_id\": \"cand_x\"}"),
                Status.BAD_REQUEST_400, "missing_title");
        assertError(post(client, "/candidates/promote", "{\"candidate_id\": \"cand_x\", \"title\": \"t\"}"),
                Status.NOT_FOUND_404, "not_found");
        assertError(post(client, "/candidates/explain", "{\"candidate_id\": \"cand_x\"}"),
                Status.NOT_FOUND_404, "not_found");
        assertError(post(client, "/events/search", "{\"since\": \"yesterday\"}"), Status.BAD_REQUEST_400,
                "invalid_since");
    }
}
