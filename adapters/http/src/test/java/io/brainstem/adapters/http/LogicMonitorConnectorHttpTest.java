package io.brainstem.adapters.http;

import static io.brainstem.adapters.http.ApiTestSupport.assertError;
import static io.brainstem.adapters.http.ApiTestSupport.assertOk;
import static io.brainstem.adapters.http.ApiTestSupport.get;
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

/** {@code POST /connectors/logicmonitor/events} and {@code /sync} over a real socket (no portal configured here). */
@ServerTest
class LogicMonitorConnectorHttpTest {

    /** The seed's example (api-0.0.3 section 11), exactly. */
    static final String SEED_EVENT = """
            {
            "tenant_id": "client-a",
            "resource_id": 12345,
            "host": "edge-fw-01",
            "service": "vpn",
            "severity": "warning",
            "alert_id": 998877,
            "message_raw": "VPN tunnel dropped and recovered",
            "timestamp": "2026-03-22T00:00:00Z",
            "metadata": {
            "datasource": "IPSec Tunnel",
            "instance_name": "site-b",
            "acknowledged": false,
            "cleared_at": "2026-03-22T00:00:32Z"
            }
            }""";

    static final String SEED_SYNC = """
            {
            "tenant_id": "client-a",
            "since": "2026-03-21T00:00:00Z",
            "mode": "alerts"
            }""";

    private static final String RAISED = """
            {"tenant_id": "client-a", "resource_id": 12345, "host": "edge-fw-02", "severity": 3,
             "alert_id": "DS4711", "message_raw": "IPSec Tunnel site-c is down",
             "timestamp": "2026-03-22T01:00:00Z",
             "metadata": {"datasource": "IPSec Tunnel", "instance_name": "site-c", "acknowledged": false}}""";

    private static final String CLEARED = """
            {"tenant_id": "client-a", "resource_id": 12345, "host": "edge-fw-02", "severity": 3,
             "alert_id": "DS4711", "message_raw": "IPSec Tunnel site-c is down",
             "timestamp": "2026-03-22T01:00:00Z",
             "metadata": {"datasource": "IPSec Tunnel", "instance_name": "site-c", "acknowledged": false,
                          "cleared_at": "2026-03-22T01:02:10Z"}}""";

    private final Http1Client client;

    LogicMonitorConnectorHttpTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder builder) {
        HttpApi.routing(builder, ApiTestSupport.dependencies(ApiLimits.DEFAULTS, Optional.empty()));
    }

    private JsonNode event(String db, String body) {
        return assertOk(post(client, "/connectors/logicmonitor/events", body, "db_path", db));
    }

    private int envelopes(String db) {
        return assertOk(get(client, "/raw_envelopes", "db_path", db, "limit", "100")).get("count").asInt();
    }

    private static boolean hasSelfHeal(JsonNode response) {
        for (JsonNode item : response.get("interesting_items")) {
            if (item.get("candidate_type").asText().equals("self_heal")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theSeedAlertIsOneEventAndASelfHealCandidate() {
        JsonNode r = event("lm-seed", SEED_EVENT);
        assertTrue(r.get("event_id").asLong() > 0, r.toString());
        assertTrue(r.get("signature_id").asText().startsWith("sig_"), r.toString());
        assertFalse(r.get("candidate_ids").isEmpty(), r.toString());
        assertEquals("raised_and_cleared", r.get("alert_change").asText());
        assertEquals("998877", r.get("alert_id").asText());
        assertEquals(r.get("event_id"), r.get("cleared_event_id"));
        assertTrue(hasSelfHeal(r), r.toString());

        JsonNode event = assertOk(get(client, "/canonical_events", "db_path", "lm-seed")).get("items").get(0);
        assertEquals("edge-fw-01", event.get("host").asText());
        assertEquals("vpn", event.get("service").asText());
        assertEquals("warning", event.get("severity").asText());
        assertEquals("logicmonitor", event.get("source_type").asText());
        assertEquals("12345", event.get("source_id").asText());
        assertEquals("998877", event.at("/structured_fields/alert_id").asText());
        assertEquals("site-b", event.at("/structured_fields/instance").asText());
        assertEquals("2026-03-22T00:00:32Z", event.at("/structured_fields/cleared_at").asText());
    }

    @Test
    void theClearingOfAnAlertIsItsRecoveryAndResendsWriteNothing() {
        JsonNode raised = event("lm-clear", RAISED);
        assertEquals("raised", raised.get("alert_change").asText());
        assertTrue(raised.get("cleared_event_id").isNull());

        JsonNode resent = event("lm-clear", RAISED);
        assertTrue(resent.get("duplicate").asBoolean());
        assertEquals("unchanged", resent.get("alert_change").asText());
        assertEquals(raised.get("event_id"), resent.get("event_id"));
        assertEquals(raised.get("signature_id"), resent.get("signature_id"));
        assertEquals(0, resent.get("event_count").asInt());
        assertEquals(1, envelopes("lm-clear"));

        JsonNode cleared = event("lm-clear", CLEARED);
        assertEquals("cleared", cleared.get("alert_change").asText());
        assertFalse(cleared.get("duplicate").asBoolean());
        assertEquals(raised.get("event_id"), cleared.get("raised_event_id"));
        assertEquals(cleared.get("event_id"), cleared.get("cleared_event_id"));
        assertTrue(hasSelfHeal(cleared), cleared.toString());
        assertEquals(2, envelopes("lm-clear"));

        JsonNode clearedAgain = event("lm-clear", CLEARED);
        assertTrue(clearedAgain.get("duplicate").asBoolean());
        assertEquals(cleared.get("event_id"), clearedAgain.get("event_id"));
        assertEquals(2, envelopes("lm-clear"));

        JsonNode recovery = assertOk(get(client, "/canonical_events", "db_path", "lm-clear")).get("items").get(0);
        assertEquals("cleared", recovery.at("/structured_fields/alert_status").asText());
        assertEquals("2026-03-22T01:02:10Z", recovery.get("timestamp").asText().replace(".000000", ""));
    }

    @Test
    void badAlertsAre400sNamingTheField() {
        String path = "/connectors/logicmonitor/events";
        assertTrue(assertError(post(client, path, "{\"tenant_id\": \"a\", \"timestamp\": \"2026-03-22T00:00:00Z\"}"),
                Status.BAD_REQUEST_400, "missing_alert_id").contains("alert_id"));
        assertError(post(client, path, "{\"alert_id\": 1}"), Status.BAD_REQUEST_400, "missing_timestamp");
        assertTrue(assertError(post(client, path, "{\"alert_id\": 1, \"timestamp\": \"yesterday\"}"),
                Status.BAD_REQUEST_400, "invalid_timestamp").contains("timestamp"));
        assertError(post(client, path, "{\"alert_id\": {\"a\": 1}, \"timestamp\": \"2026-03-22T00:00:00Z\"}"),
                Status.BAD_REQUEST_400, "invalid_field");
        assertTrue(assertError(post(client, path, "{\"alert_id\": 1, \"timestamp\": \"2026-03-22T00:00:00Z\","
                + " \"metadata\": {\"cleared_at\": \"2026-03-21T23:00:00Z\"}}"), Status.BAD_REQUEST_400,
                "invalid_value").contains("before the alert started"));
        assertError(post(client, path, "{\"alert_id\": 1, \"timestamp\": \"2026-03-22T00:00:00Z\","
                + " \"alert_status\": \"cleared\"}"), Status.BAD_REQUEST_400, "missing_cleared_at");
        assertError(post(client, path, "{\"alert_id\": 1, \"metadata\": []}"), Status.BAD_REQUEST_400,
                "invalid_field");
        assertError(post(client, path, "{\"alert_id\": 1,"), Status.BAD_REQUEST_400, "malformed_json");
        assertError(post(client, path, "null"), Status.BAD_REQUEST_400, "invalid_json");
    }

    @Test
    void syncWithoutAPortalIsA503NamingTheSettingsAndBadSyncsAre400s() {
        String message = assertError(post(client, "/connectors/logicmonitor/sync", SEED_SYNC),
                Status.SERVICE_UNAVAILABLE_503, "logicmonitor_not_configured");
        assertTrue(message.contains("BRAINSTEM_LM_COMPANY") && message.contains("BRAINSTEM_LM_ACCESS_ID")
                && message.contains("BRAINSTEM_LM_ACCESS_KEY"), message);
        assertError(post(client, "/connectors/logicmonitor/sync", "{\"mode\": \"metrics\"}"),
                Status.BAD_REQUEST_400, "invalid_mode");
        assertError(post(client, "/connectors/logicmonitor/sync", "{\"since\": \"last week\"}"),
                Status.BAD_REQUEST_400, "invalid_since");

        JsonNode lm = assertOk(get(client, "/runtime")).get("logicmonitor");
        assertFalse(lm.get("configured").asBoolean(), lm.toString());
    }
}
