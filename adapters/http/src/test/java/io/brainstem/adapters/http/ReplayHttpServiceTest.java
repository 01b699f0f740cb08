package io.brainstem.adapters.http;

import static io.brainstem.adapters.http.ApiTestSupport.assertError;
import static io.brainstem.adapters.http.ApiTestSupport.assertOk;
import static io.brainstem.adapters.http.ApiTestSupport.get;
import static io.brainstem.adapters.http.ApiTestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code POST /replay/raw} over a real socket, in the shape of the seed's example. */
@ServerTest
class ReplayHttpServiceTest {

    /** Envelope 1 canonicalized, 2 parse_failed (PRI out of range), 3 unsupported (unknown source type). */
    private static final String THREE_OUTCOMES = """
            {"events": [
            {"tenant_id": "demo-tenant", "source_type": "syslog", "message_raw": "<134>Mar 22 03:00:00 fw-01 charon: VPN tunnel recovered"},
            {"tenant_id": "demo-tenant", "source_type": "syslog", "message_raw": "<999>Mar 22 03:00:00 fw-01 charon: garbage"},
            {"tenant_id": "demo-tenant", "source_type": "snmp", "message_raw": "linkDown ifIndex=3"}
            ]}""";

    private final Http1Client client;

    ReplayHttpServiceTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder builder) {
        HttpApi.routing(builder, ApiTestSupport.dependencies(ApiLimits.DEFAULTS, Optional.empty()));
    }

    private void ingestThreeOutcomes(String db) {
        JsonNode accounting = assertOk(post(client, "/ingest/batch", THREE_OUTCOMES, "db_path", db));
        assertEquals(3, accounting.get("event_count").asInt());
        assertEquals(1, accounting.get("parse_failed").asInt());
        assertEquals(1, accounting.get("unsupported").asInt());
    }

    @Test
    void seedShapedReplayAttemptsTheParseFailedEnvelopeAndSkipsTheRest() {
        ingestThreeOutcomes("replay-seed");
        JsonNode body = assertOk(post(client, "/replay/raw", """
                {"db_path": "replay-seed", "raw_envelope_ids": [1, 2, 5], "threshold": 2, "force": false,
                 "allowed_statuses": ["received", "parse_failed"]}"""));
        assertEquals("[1,2,5]", body.get("requested_raw_envelope_ids").toString());
        assertEquals("[2]", body.get("attempted_raw_envelope_ids").toString());
        assertEquals("[{\"raw_envelope_id\":1,\"reason\":\"not_replayable\",\"status\":\"canonicalized\"},"
                + "{\"raw_envelope_id\":5,\"reason\":\"not_found\",\"status\":null}]", body.get("skipped").toString());
        assertEquals(1, body.get("event_count").asInt());
        assertEquals(1, body.get("parse_failed").asInt());
        assertEquals(0, body.get("signature_count").asInt());
        assertEquals(0, body.get("candidate_count").asInt());
        assertEquals("memory:replay-seed", body.get("db_path").asText());
        assertEquals(2, body.get("threshold").asInt());

        JsonNode replayed = assertOk(get(client, "/failures/2", "db_path", "replay-seed")).get("item");
        assertEquals(2, replayed.get("attempts").asInt());
        assertEquals("parse_failed", replayed.get("status").asText());
        assertTrue(replayed.get("failure_reason").asText().contains("999"), replayed.toString());
    }

    @Test
    void defaultAllowedStatusesAreEverythingNotYetCanonicalized() {
        ingestThreeOutcomes("replay-default");
        JsonNode body = assertOk(post(client, "/replay/raw",
                "{\"raw_envelope_ids\": [3, 2, 1]}", "db_path", "replay-default"));
        assertEquals("[3,2]", body.get("attempted_raw_envelope_ids").toString());
        assertEquals("not_replayable", body.at("/skipped/0/reason").asText());
        assertEquals(1, body.at("/skipped/0/raw_envelope_id").asInt());
        assertEquals(1, body.get("unsupported").asInt());
        assertEquals(1, body.get("parse_failed").asInt());
    }

    @Test
    void forceReplaysACanonicalizedEnvelopeWithoutDuplicatingIt() {
        ingestThreeOutcomes("replay-force");
        JsonNode body = assertOk(post(client, "/replay/raw",
                "{\"db_path\": \"replay-force\", \"raw_envelope_ids\": [1, 1], \"force\": true}"));
        assertEquals("[1]", body.get("attempted_raw_envelope_ids").toString());
        assertEquals(1, body.get("signature_count").asInt());
        JsonNode stats = assertOk(get(client, "/stats", "db_path", "replay-force"));
        assertEquals(3, stats.get("received").asInt());
        assertEquals(1, stats.get("canonicalized").asInt());
        assertEquals(1, assertOk(get(client, "/canonical_events", "db_path", "replay-force")).get("count").asInt());
        assertEquals(2, assertOk(get(client, "/failures/1", "db_path", "replay-force")).at("/item/attempts").asInt());
    }

    @Test
    void unknownStatusIsA400ListingTheValidOnes() {
        String message = assertError(post(client, "/replay/raw",
                "{\"raw_envelope_ids\": [1], \"allowed_statuses\": [\"received\", \"broken\"]}"),
                Status.BAD_REQUEST_400, "invalid_status");
        assertTrue(message.contains("broken") && message.contains("parse_failed") && message.contains("unsupported"),
                message);
    }

    @Test
    void missingOrInvalidIdsAreA400() {
        assertError(post(client, "/replay/raw", "{\"force\": true}"), Status.BAD_REQUEST_400,
                "missing_raw_envelope_ids");
        assertError(post(client, "/replay/raw", "{\"raw_envelope_ids\": []}"), Status.BAD_REQUEST_400,
                "missing_raw_envelope_ids");
        assertError(post(client, "/replay/raw", "{\"raw_envelope_ids\": [0]}"), Status.BAD_REQUEST_400,
                "invalid_raw_envelope_id");
        String message = assertError(post(client, "/replay/raw", "{\"raw_envelope_ids\": [\"1\"]}"),
                Status.BAD_REQUEST_400, "invalid_field");
        assertTrue(message.contains("raw_envelope_ids[0]"), message);
        assertTrue(assertError(post(client, "/replay/raw", "{\"raw_envelope_ids\": [1], \"force\": \"yes\"}"),
                Status.BAD_REQUEST_400, "invalid_field").contains("'force'"));
        assertError(post(client, "/replay/raw", "{\"raw_envelope_ids\": [1], \"threshold\": 0}"),
                Status.BAD_REQUEST_400, "invalid_threshold");
    }
}
