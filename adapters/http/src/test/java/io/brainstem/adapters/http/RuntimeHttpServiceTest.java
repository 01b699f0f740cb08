package io.brainstem.adapters.http;

import static io.brainstem.adapters.http.ApiTestSupport.get;
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

@ServerTest
class RuntimeHttpServiceTest {

    private final Http1Client client;

    RuntimeHttpServiceTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder builder) {
        HttpApi.routing(builder, ApiTestSupport.dependencies(ApiLimits.DEFAULTS, Optional.empty()));
    }

    @Test
    void healthzAndStatusShareThePayload() {
        JsonNode healthz = get(client, "/healthz").body();
        JsonNode status = get(client, "/status").body();
        assertEquals(status, healthz);
        assertTrue(status.get("ok").asBoolean());
        assertEquals("ok", status.get("status").asText());
        for (String field : new String[] {"version", "auth_state", "defaults", "limits", "capabilities"}) {
            assertTrue(status.get("runtime").has(field), field);
        }
        assertEquals(false, status.get("api_token_enabled").asBoolean());
        for (String path : new String[] {"/healthz", "/status"}) {
            try (var head = client.head(path).request()) {
                assertEquals(Status.OK_200, head.status(), "HEAD " + path + " for load balancers' checks");
            }
        }
    }

    @Test
    void runtimeListsCapabilityFlagsAsTheSeedDoes() {
        var reply = get(client, "/runtime");
        assertEquals(Status.OK_200, reply.status());
        JsonNode body = reply.body();
        assertEquals("BRAINSTEM_API_TOKEN", body.get("api_token_env").asText());
        JsonNode sources = body.at("/capability_flags/source_capabilities");
        assertEquals("[\"file\",\"logicmonitor\",\"syslog\"]", sources.get("source_types").toString());
        assertEquals("[\"single_event_api\",\"batch_api\",\"udp_listener\"]",
                sources.at("/ingest_modes_by_source_type/syslog").toString());
        assertEquals("[\"single_event_api\",\"batch_api\"]", sources.at("/ingest_modes_by_source_type/file").toString());
        assertEquals("[\"logicmonitor_webhook\"]", sources.at("/ingest_modes_by_source_type/logicmonitor").toString());
        assertTrue(body.has("defaults") && body.has("limits") && body.has("listener_defaults"));
    }
}
