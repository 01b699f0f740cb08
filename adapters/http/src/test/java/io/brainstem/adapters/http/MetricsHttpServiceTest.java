package io.brainstem.adapters.http;

import static io.brainstem.adapters.http.ApiTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.adapters.http.ApiTestSupport.Reply;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every routed request is recorded with its route template and final status, and {@code GET /metrics} answers the
 * scrape in the content type the metrics chose, behind the token like every other endpoint.
 */
@ServerTest
class MetricsHttpServiceTest {

    private static final String TOKEN = "scrape-token";
    private static final Recording METRICS = new Recording();
    private final Http1Client client;

    MetricsHttpServiceTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder builder) {
        HttpApi.routing(builder, ApiTestSupport.dependencies(ApiLimits.DEFAULTS, Optional.of(TOKEN), Map.of(),
                METRICS));
    }

    @BeforeEach
    void forget() {
        METRICS.clear();
    }

    private Reply authorized(String method, String path, String body) {
        var request = method.equals("GET") ? client.get(path) : client.post(path);
        return send(request.header(HeaderNames.AUTHORIZATION, "Bearer " + TOKEN), body);
    }

    @Test
    void requestsAreRecordedByRouteTemplateNeverByTheRawPath() throws InterruptedException {
        authorized("POST", "/ingest/batch", "{\"events\": [{\"tenant_id\": \"t\", \"source_type\": \"file\", "
                + "\"message_raw\": \"disk full\"}]}");
        authorized("GET", "/signatures/sig_0123456789abcdef", null);
        authorized("GET", "/failures/42", null);
        authorized("GET", "/wp-admin/setup.php", null);
        authorized("GET", "/signatures/sig_1/extra", null);

        assertEquals(List.of("POST /ingest/batch 200", "GET /signatures/{signature_id} 404",
                "GET /failures/{raw_envelope_id} 404", "GET unmatched 404", "GET unmatched 404"), METRICS.served(5));
    }

    @Test
    void refusedAndInvalidRequestsAreRecordedWithTheStatusTheClientGot() throws InterruptedException {
        send(client.post("/ingest/event"), "{}"); // no token: refused before any route
        authorized("POST", "/ingest/event", "{not json");
        send(client.get("/candidates").queryParam("limit", "0").header(HeaderNames.AUTHORIZATION, "Bearer " + TOKEN),
                null);

        assertEquals(List.of("POST /ingest/event 401", "POST /ingest/event 400", "GET /candidates 400"),
                METRICS.served(3));
    }

    @Test
    void scrapeAnswersTheNegotiatedContentTypeAndNeedsTheToken() throws InterruptedException {
        assertEquals(Status.UNAUTHORIZED_401, send(client.get("/metrics"), null).status());

        try (Http1ClientResponse res = client.get("/metrics").header(HeaderNames.AUTHORIZATION, "Bearer " + TOKEN)
                .header(HeaderNames.ACCEPT, "application/openmetrics-text;version=1.0.0").request()) {
            assertEquals(Status.OK_200, res.status());
            assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8",
                    res.headers().first(HeaderNames.CONTENT_TYPE).orElseThrow());
            assertEquals("brainstem_up 1\n# EOF\n", res.as(String.class));
        }
        assertEquals(List.of("application/openmetrics-text;version=1.0.0"), METRICS.accepts);
        assertEquals(List.of("GET /metrics 401", "GET /metrics 200"), METRICS.served(2));
    }

    /** Keeps what it is told; its scrape echoes a fixed OpenMetrics body. */
    private static final class Recording implements HttpMetrics {
        private final List<String> served = new ArrayList<>();
        final List<String> accepts = new ArrayList<>();

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public synchronized void requestServed(String method, String route, int status, long nanos) {
            assertTrue(nanos > 0);
            served.add(method + " " + route + " " + status);
            notifyAll();
        }

        @Override
        public synchronized Scrape scrape(String accept) {
            accepts.add(accept);
            return new Scrape("application/openmetrics-text; version=1.0.0; charset=utf-8",
                    "brainstem_up 1\n# EOF\n".getBytes(StandardCharsets.UTF_8));
        }

        /**
         * What was recorded once {@code count} requests were: the filter records after the response is written, so
         * the client may see the answer first.
         */
        synchronized List<String> served(int count) throws InterruptedException {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (served.size() < count && System.nanoTime() < deadline) {
                wait(100);
            }
            return List.copyOf(served);
        }

        synchronized void clear() {
            served.clear();
            accepts.clear();
        }
    }
}
