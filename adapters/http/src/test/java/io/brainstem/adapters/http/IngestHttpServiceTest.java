package io.brainstem.adapters.http;

import static io.brainstem.adapters.http.ApiTestSupport.get;
import static io.brainstem.adapters.http.ApiTestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brainstem.adapters.http.ApiTestSupport.Reply;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ingest endpoints over a real socket, starting from the seed's own example payloads. */
@ServerTest
class IngestHttpServiceTest {

    static final String SEED_EVENT = """
            {
            "tenant_id": "demo-tenant",
            "source_type": "syslog",
            "source_id": "fw-01",
            "source_name": "edge-fw-01",
            "source_path": "/var/log/syslog",
            "timestamp": "2026-03-22T03:00:00Z",
            "host": "fw-01",
            "service": "charon",
            "severity": "info",
            "asset_id": "fw-01",
            "facility": "daemon",
            "message_raw": "IPsec SA rekey failed; retrying",
            "structured_fields": { "peer": "203.0.113.10" },
            "correlation_keys": {},
            "metadata": {}
            }""";

    static final String SEED_BATCH = """
            {
            "threshold": 2,
            "events": [
            {"tenant_id": "demo-tenant", "source_type": "syslog",
             "message_raw": "Mar 22 03:00:00 fw-01 charon: VPN tunnel recovered", "host": "fw-01", "service": "charon"},
            {"tenant_id": "demo-tenant", "source_type": "syslog",
             "message_raw": "Mar 22 03:00:10 fw-01 charon: VPN tunnel recovered", "host": "fw-01", "service": "charon"}
            ]
            }""";

    private final Http1Client client;

    IngestHttpServiceTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder builder) {
        HttpApi.routing(builder, ApiTestSupport.dependencies(new ApiLimits(64 * 1024, 3, 100), Optional.empty()));
    }

    private static void assertError(Reply reply, Status status, String code) {
        assertEquals(status, reply.status(), reply.body().toString());
        assertFalse(reply.body().get("ok").asBoolean());
        assertEquals(code, reply.body().at("/error/code").asText());
        assertFalse(reply.body().at("/error/message").asText().isBlank());
    }

    /** A POST with an Idempotency-Key: the reply and whether it said Idempotent-Replayed. */
    private record Keyed(Reply reply, boolean replayed) {
    }

    private Keyed postKeyed(String path, String key, String body) {
        var request = client.post(path).header(io.helidon.http.HeaderNames.create("Idempotency-Key"), key)
                .header(io.helidon.http.HeaderValues.CONTENT_TYPE_JSON);
        try (var res = request.submit(body)) {
            String text = res.as(String.class);
            try {
                return new Keyed(new Reply(res.status(), ApiTestSupport.JSON.readTree(text)),
                        res.headers().first(io.helidon.http.HeaderNames.create("Idempotent-Replayed"))
                                .map("true"::equals).orElse(false));
            } catch (Exception e) {
                throw new AssertionError("response is not JSON: " + text, e);
            }
        }
    }

    @Test
    void aBatchRetriedWithItsIdempotencyKeyIsAnsweredFromTheFirstAndStoredOnce() {
        String key = "retry-" + System.nanoTime();
        long before = get(client, "/stats").body().get("received").asLong();
        Keyed first = postKeyed("/ingest/batch", key, SEED_BATCH);
        Keyed again = postKeyed("/ingest/batch", key, SEED_BATCH);
        assertEquals(before + 2, get(client, "/stats").body().get("received").asLong(), "stored once");
        Keyed oneFirst = postKeyed("/events/ingest", key + "-one", SEED_EVENT);
        Keyed oneAgain = postKeyed("/events/ingest", key + "-one", SEED_EVENT);
        assertEquals(oneFirst.reply().body().get("event_id"), oneAgain.reply().body().get("event_id"),
                "the first request's event id");
        assertTrue(oneAgain.replayed());
        Keyed bulkFirst = postKeyed("/events/ingest_bulk", key + "-bulk", SEED_BATCH);
        Keyed bulkAgain = postKeyed("/events/ingest_bulk", key + "-bulk", SEED_BATCH);

        assertEquals(Status.OK_200, first.reply().status(), first.reply().body().toString());
        assertFalse(first.replayed());
        assertEquals(Status.OK_200, again.reply().status());
        assertTrue(again.replayed(), "Idempotent-Replayed: true");
        assertEquals(first.reply().body().get("interesting_items"), again.reply().body().get("interesting_items"));
        assertEquals(first.reply().body().get("event_count"), again.reply().body().get("event_count"));
        assertTrue(bulkAgain.replayed());
        assertEquals(bulkFirst.reply().body().get("ingested"), bulkAgain.reply().body().get("ingested"));

        Keyed other = postKeyed("/ingest/batch", key, SEED_BATCH.replace("recovered", "dropped"));
        assertError(other.reply(), Status.UNPROCESSABLE_CONTENT_422, "idempotency_key_reused");
        Keyed otherPath = postKeyed("/ingest/event", key, SEED_EVENT);
        assertError(otherPath.reply(), Status.UNPROCESSABLE_CONTENT_422, "idempotency_key_reused");
        assertError(postKeyed("/ingest/batch", "two words", SEED_BATCH).reply(), Status.BAD_REQUEST_400,
                "invalid_idempotency_key");
    }

    @Test
    void seedSingleEventGivesTheSeedAccounting() {
        Reply reply = post(client, "/ingest/event", SEED_EVENT);
        assertEquals(Status.OK_200, reply.status());
        JsonNode body = reply.body();
        assertTrue(body.get("ok").asBoolean());
        assertEquals("demo-tenant", body.get("tenant_id").asText());
        assertEquals(1, body.get("event_count").asInt());
        assertEquals(1, body.get("signature_count").asInt());
        assertEquals(0, body.get("candidate_count").asInt());
        assertEquals(0, body.get("parse_failed").asInt());
        assertTrue(body.get("interesting_items").isArray());
    }

    @Test
    void seedBatchReachesThresholdAndReportsACandidate() {
        Reply reply = post(client, "/ingest/batch", SEED_BATCH);
        assertEquals(Status.OK_200, reply.status());
        JsonNode body = reply.body();
        assertEquals(2, body.get("event_count").asInt());
        assertEquals(1, body.get("signature_count").asInt());
        assertEquals(1, body.get("candidate_count").asInt());
        JsonNode item = body.get("interesting_items").get(0);
        assertEquals("recurrence", item.get("candidate_type").asText());
        assertTrue(item.get("score_total").isNumber());
        assertFalse(item.get("why_it_matters").asText().isBlank());
        assertEquals(2, item.at("/evidence/event_count").asInt());
    }

    @Test
    void malformedJsonIsA400NotA500() {
        assertError(post(client, "/ingest/event", "{\"tenant_id\": "), Status.BAD_REQUEST_400, "malformed_json");
    }

    @Test
    void aDuplicateKeyOrSomethingAfterTheObjectIsRefusedNotGuessedAt() {
        Reply duplicate = post(client, "/ingest/batch", "{\"db_path\": \"../../etc/x\", \"db_path\": \"ok.sqlite3\","
                + " \"events\": [{\"tenant_id\": \"t\", \"source_type\": \"syslog\", \"message_raw\": \"x\"}]}");
        assertError(duplicate, Status.BAD_REQUEST_400, "malformed_json");
        assertTrue(duplicate.body().at("/error/message").asText().contains("db_path"),
                duplicate.body().toString());
        Reply trailing = post(client, "/ingest/event", "{\"tenant_id\": \"t\", \"source_type\": \"syslog\","
                + " \"message_raw\": \"x\"} {\"tenant_id\": \"u\"}");
        assertError(trailing, Status.BAD_REQUEST_400, "malformed_json");
    }

    @Test
    void aControlCharacterInTheTenantIsA400NamingIt() {
        Reply reply = post(client, "/ingest/event", "{\"tenant_id\": \"client\\u0000a\", \"source_type\": \"syslog\","
                + " \"message_raw\": \"x\"}");
        assertEquals(Status.BAD_REQUEST_400, reply.status(), reply.body().toString());
        assertTrue(reply.body().at("/error/message").asText().contains("tenant_id"), reply.body().toString());
    }

    @Test
    void aNumberBeyondADoubleIsA400NotTheTextInfinity() {
        Reply reply = post(client, "/ingest/event", "{\"tenant_id\": \"t\", \"source_type\": \"syslog\","
                + " \"message_raw\": \"x\", \"structured_fields\": {\"bytes\": 1e400}}");
        assertError(reply, Status.BAD_REQUEST_400, "invalid_field");
        assertTrue(reply.body().at("/error/message").asText().contains("structured_fields.bytes"),
                reply.body().toString());
        ApiTestSupport.assertOk(post(client, "/ingest/event", "{\"tenant_id\": \"t\", \"source_type\": \"syslog\","
                + " \"message_raw\": \"x\", \"structured_fields\": {\"ratio\": 1.5e300, \"n\": [1, 2.5]}}"));
    }

    @Test
    void wrongTypeNamesTheField() {
        Reply reply = post(client, "/ingest/batch", "{\"events\": [{\"message_raw\": 12}]}");
        assertError(reply, Status.BAD_REQUEST_400, "invalid_field");
        assertTrue(reply.body().at("/error/message").asText().contains("events[0].message_raw"));
    }

    @Test
    void thresholdMustBeANumberInRange() {
        assertError(ApiTestSupport.send(client.post("/ingest/event").queryParam("threshold", "abc"), SEED_EVENT), Status.BAD_REQUEST_400,
                "invalid_threshold");
        assertError(post(client, "/ingest/batch", "{\"threshold\": \"2\", \"events\": [{}]}"),
                Status.BAD_REQUEST_400, "invalid_field");
    }

    @Test
    void batchLimitsAreEnforced() {
        assertError(post(client, "/ingest/batch", "{\"events\": []}"), Status.BAD_REQUEST_400, "empty_batch");
        assertError(post(client, "/ingest/batch", "{\"events\": [{},{},{},{}]}"), Status.BAD_REQUEST_400,
                "batch_too_large");
        assertError(post(client, "/ingest/batch", "{}"), Status.BAD_REQUEST_400, "missing_events");
    }

    @Test
    void oversizedBodyIsA413() {
        String huge = "{\"message_raw\": \"" + "x".repeat(70 * 1024) + "\"}";
        assertError(post(client, "/ingest/event", huge), Status.REQUEST_ENTITY_TOO_LARGE_413, "body_too_large");
    }

    @Test
    void unknownFieldsAreIgnored() {
        Reply reply = post(client, "/ingest/event", "{\"tenant_id\": \"t\", \"source_type\": \"file\","
                + " \"message_raw\": \"hello\", \"colour\": \"blue\"}");
        assertEquals(Status.OK_200, reply.status());
    }

    @Test
    void unknownPathIsAJson404AndServerStaysUp() {
        assertError(get(client, "/no/such/thing"), Status.NOT_FOUND_404, "not_found");
        assertEquals(Status.OK_200, get(client, "/healthz").status());
    }
}
