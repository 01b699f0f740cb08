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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code POST /ingest/logicmonitor} over a real socket, starting from the seed's example alert. */
@ServerTest
class LogicMonitorIngestHttpTest {

    /**
     * The seed's example without its {@code "db_path": "/tmp/brainstem.sqlite3"}: brainstem keeps every
     * database inside the data directory (ADR 6), so the tests choose their database by query parameter.
     */
    static final String SEED_LOGICMONITOR = """
            {
            "tenant_id": "demo-tenant",
            "source_path": "/logicmonitor/ingest",
            "threshold": 2,
            "events": [
            {
            "resource_id": 123,
            "resource_name": "edge-fw-01",
            "message_raw": "VPN tunnel dropped and recovered",
            "severity": "warning",
            "metadata": {
            "datasource": "IPSec Tunnel"
            }
            }
            ]
            }""";

    private final Http1Client client;

    LogicMonitorIngestHttpTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder builder) {
        HttpApi.routing(builder, ApiTestSupport.dependencies(ApiLimits.DEFAULTS, Optional.empty()));
    }

    @Test
    void seedAlertIsAnEventOnItsResourceAndASelfHealCandidate() {
        JsonNode accounting = assertOk(post(client, "/ingest/logicmonitor", SEED_LOGICMONITOR, "db_path", "lm-seed"));
        assertEquals("demo-tenant", accounting.get("tenant_id").asText());
        assertEquals(1, accounting.get("event_count").asInt());
        assertEquals(0, accounting.get("parse_failed").asInt());
        assertEquals(1, accounting.get("signature_count").asInt());
        assertEquals(1, accounting.get("candidate_count").asInt());
        JsonNode item = accounting.get("interesting_items").get(0);
        assertEquals("self_heal", item.get("candidate_type").asText());
        assertEquals("[\"edge-fw-01\"]", item.at("/evidence/hosts").toString());
        assertFalse(item.get("why_it_matters").asText().isBlank());

        JsonNode events = assertOk(get(client, "/canonical_events", "db_path", "lm-seed", "host", "edge-fw-01"));
        assertEquals(1, events.get("count").asInt());
        JsonNode event = events.get("items").get(0);
        assertEquals("edge-fw-01", event.get("host").asText());
        assertEquals("IPSec Tunnel", event.get("service").asText());
        assertEquals("warning", event.get("severity").asText());
        assertEquals("logicmonitor", event.get("source_type").asText());
        assertEquals("123", event.get("source_id").asText());
        assertEquals("/logicmonitor/ingest", event.get("source_path").asText());
        assertEquals("logicmonitor", event.get("parser_name").asText());
        assertEquals("logicmonitor", event.at("/field_sources/host").asText());
        assertEquals("VPN tunnel dropped and recovered", event.get("message").asText());

        JsonNode envelope = assertOk(get(client, "/raw_envelopes", "db_path", "lm-seed")).get("items").get(0);
        assertEquals("edge-fw-01", envelope.get("source_name").asText());
        assertEquals("IPSec Tunnel", envelope.at("/metadata/datasource").asText());
    }

    @Test
    void severityIsReadAsALogicMonitorLevel() {
        Map<String, String> expected = Map.of("h-warn", "warning", "h-2", "warning", "h-error", "err", "h-3", "err",
                "h-critical", "crit", "h-4", "crit", "h-5", "notice", "h-info", "info");
        String body = """
                {"events": [
                {"resource_name": "h-warn", "severity": "warn", "message_raw": "disk usage high on volume a"},
                {"resource_name": "h-2", "severity": 2, "message_raw": "disk usage high on volume b"},
                {"resource_name": "h-error", "severity": "error", "message_raw": "disk usage high on volume c"},
                {"resource_name": "h-3", "severity": "3", "message_raw": "disk usage high on volume d"},
                {"resource_name": "h-critical", "severity": "critical", "message_raw": "disk usage high on volume e"},
                {"resource_name": "h-4", "severity": 4, "message_raw": "disk usage high on volume f"},
                {"resource_name": "h-5", "severity": 5, "message_raw": "disk usage high on volume g"},
                {"resource_name": "h-info", "severity": "info", "message_raw": "disk usage high on volume h"}
                ]}""";
        assertEquals(8, assertOk(post(client, "/ingest/logicmonitor", body, "db_path", "lm-levels"))
                .get("event_count").asInt());
        Map<String, String> actual = new HashMap<>();
        for (JsonNode e : assertOk(get(client, "/canonical_events", "db_path", "lm-levels")).get("items")) {
            actual.put(e.get("host").asText(), e.get("severity").asText());
        }
        assertEquals(expected, actual);
        JsonNode five = assertOk(get(client, "/canonical_events", "db_path", "lm-levels", "host", "h-5"))
                .get("items").get(0);
        assertEquals("5", five.at("/field_sources/severity_client_unrecognized").asText());
    }

    @Test
    void datasourceAndInstanceMakeTheServiceAndOtherFieldsAreKept() {
        String body = """
                {"events": [{"resource_id": "dev-9", "resource_name": "core-sw-02", "message_raw": "port errors rising",
                 "severity": "error", "metadata": {"datasource": "SNMP Interfaces", "instance": "Gi0/1"},
                 "alert_id": "LMD77", "threshold_value": 42}]}""";
        assertOk(post(client, "/ingest/logicmonitor", body, "db_path", "lm-service"));
        JsonNode event = assertOk(get(client, "/canonical_events", "db_path", "lm-service")).get("items").get(0);
        assertEquals("SNMP Interfaces/Gi0/1", event.get("service").asText());
        assertEquals("dev-9", event.get("source_id").asText());
        assertEquals("LMD77", event.at("/structured_fields/alert_id").asText());
        assertEquals(42, event.at("/structured_fields/threshold_value").asInt());
        assertEquals("Gi0/1", event.at("/structured_fields/instance").asText());
    }

    @Test
    void activeAlertAndItsClearPairIntoATimedSelfHeal() {
        String body = """
                {"tenant_id": "lm", "events": [
                {"resource_name": "edge-fw-01", "message_raw": "IPSec tunnel tun0 alert", "severity": "warning",
                 "alert_id": "LMD1", "alert_status": "active", "started_at": "2026-03-22T03:00:00Z",
                 "metadata": {"datasource": "IPSec Tunnel"}},
                {"resource_name": "edge-fw-01", "message_raw": "IPSec tunnel tun0 alert", "severity": "warning",
                 "alert_id": "LMD1", "alert_status": "cleared", "started_at": "2026-03-22T03:00:00Z",
                 "cleared_at": "2026-03-22T03:00:40Z", "metadata": {"datasource": "IPSec Tunnel"}}
                ]}""";
        JsonNode accounting = assertOk(post(client, "/ingest/logicmonitor", body, "db_path", "lm-pair"));
        JsonNode selfHeal = null;
        for (JsonNode item : accounting.get("interesting_items")) {
            if (item.get("candidate_type").asText().equals("self_heal")) {
                selfHeal = item;
            }
        }
        assertTrue(selfHeal != null, accounting.toString());
        assertEquals(40.0, selfHeal.at("/evidence/measures/recovery_seconds_last").asDouble(), accounting.toString());
    }

    @Test
    void alertWithoutMessageIsStoredAsParseFailed() {
        JsonNode accounting = assertOk(post(client, "/ingest/logicmonitor",
                "{\"events\": [{\"resource_name\": \"edge-fw-01\"}]}", "db_path", "lm-empty"));
        assertEquals(1, accounting.get("event_count").asInt());
        assertEquals(1, accounting.get("parse_failed").asInt());
        JsonNode failures = assertOk(get(client, "/failures", "db_path", "lm-empty"));
        assertEquals("parse_failed", failures.get("items").get(0).get("status").asText());
        assertEquals("logicmonitor", failures.get("items").get(0).get("source_type").asText());
    }

    @Test
    void alertFieldOfTheWrongTypeIsA400NamingIt() {
        String message = assertError(post(client, "/ingest/logicmonitor",
                "{\"events\": [{\"message_raw\": \"ok\"}, {\"resource_id\": [1]}]}"), Status.BAD_REQUEST_400,
                "invalid_field");
        assertTrue(message.contains("events[1].resource_id"), message);
        assertTrue(assertError(post(client, "/ingest/logicmonitor", "{\"events\": [{\"metadata\": \"x\"}]}"),
                Status.BAD_REQUEST_400, "invalid_field").contains("events[0].metadata"));
        assertError(post(client, "/ingest/logicmonitor", "{\"tenant_id\": \"t\"}"), Status.BAD_REQUEST_400,
                "missing_events");
        assertError(post(client, "/ingest/logicmonitor", "{\"events\": []}"), Status.BAD_REQUEST_400, "empty_batch");
    }
}
