package io.brainstem.adapters.http;

import static io.brainstem.adapters.http.ApiTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.brainstem.adapters.http.ApiTestSupport.Reply;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With a token configured, only /healthz, /runtime and /status are open. */
@ServerTest
class AuthFilterTest {

    private static final String TOKEN = "s3cret-token";
    private static final String EVENT = "{\"tenant_id\": \"t\", \"source_type\": \"file\", \"message_raw\": \"hi\"}";
    private final Http1Client client;

    AuthFilterTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder builder) {
        HttpApi.routing(builder, ApiTestSupport.dependencies(ApiLimits.DEFAULTS, Optional.of(TOKEN)));
    }

    @Test
    void missingOrWrongTokenIs401WithoutEchoingTheToken() {
        Reply none = send(client.post("/ingest/event"), EVENT);
        assertEquals(Status.UNAUTHORIZED_401, none.status());
        assertEquals("unauthorized", none.body().at("/error/code").asText());
        Reply wrong = send(client.post("/ingest/event").header(io.helidon.http.HeaderNames.create("X-API-Token"),
                "guess"), EVENT);
        assertEquals(Status.UNAUTHORIZED_401, wrong.status());
        assertFalse(wrong.body().toString().contains(TOKEN));
    }

    @Test
    void eitherHeaderAuthorizes() {
        assertEquals(Status.OK_200, send(client.post("/ingest/event")
                .header(io.helidon.http.HeaderNames.create("X-API-Token"), TOKEN), EVENT).status());
        assertEquals(Status.OK_200, send(client.post("/ingest/event")
                .header(io.helidon.http.HeaderNames.AUTHORIZATION, "Bearer " + TOKEN), EVENT).status());
    }

    @Test
    void runtimeEndpointsStayOpenAndNeverShowTheToken() {
        for (String path : new String[] {"/healthz", "/status", "/runtime"}) {
            Reply reply = send(client.get(path), null);
            assertEquals(Status.OK_200, reply.status(), path);
            assertFalse(reply.body().toString().contains(TOKEN), path);
        }
        assertEquals(true, send(client.get("/status"), null).body().get("api_token_enabled").asBoolean());
    }

    @Test
    void openApiDocumentNeedsTheTokenToo() {
        assertEquals(Status.UNAUTHORIZED_401, send(client.get("/openapi"), null).status());
        try (var res = client.get("/openapi").header(io.helidon.http.HeaderNames.create("X-API-Token"), TOKEN)
                .request()) {
            assertEquals(Status.OK_200, res.status());
        }
    }
}
