package io.brainstem.adapters.http;

import static io.brainstem.adapters.http.ApiTestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A dead intake writer makes /healthz and /status say degraded, with 503 and what is wrong. */
@ServerTest
class DegradedHealthTest {

    private final Http1Client client;

    DegradedHealthTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder builder) {
        HttpApi.routing(builder, ApiTestSupport.dependencies(ApiLimits.DEFAULTS, Optional.empty(), Map.of(
                "syslog_udp", Map.of("received", 12L, "stored", 4L, "queued", 8L, "writer_alive", 0L),
                "syslog_tcp", Map.of("received", 3L, "stored", 3L, "queued", 0L, "writer_alive", 1L))));
    }

    @Test
    void aDeadWriterIsA503ThatSaysWhichAndWhatItHolds() {
        for (String path : new String[] {"/healthz", "/status"}) {
            var reply = get(client, path);
            assertEquals(Status.SERVICE_UNAVAILABLE_503, reply.status(), path);
            JsonNode body = reply.body();
            assertFalse(body.get("ok").asBoolean());
            assertEquals("degraded", body.get("status").asText());
            assertEquals(1, body.get("problems").size(), body.toString());
            String problem = body.get("problems").get(0).asText();
            assertTrue(problem.startsWith("syslog_udp: the writer thread is dead; 8 received"), problem);
            assertEquals("degraded", body.at("/error/code").asText());
            try (var head = client.head(path).request()) {
                assertEquals(Status.SERVICE_UNAVAILABLE_503, head.status(), "HEAD " + path);
            }
        }
    }

    private static io.brainstem.application.port.in.RuntimeQueries.RuntimeSnapshot snapshot(
            Map<String, Map<String, Long>> intake, long failedWrites) {
        var defaults = new io.brainstem.application.port.in.RuntimeQueries.Defaults(2, "/data/b.sqlite3", "/data",
                "default", 20);
        return new io.brainstem.application.port.in.RuntimeQueries.RuntimeSnapshot("t", false, defaults,
                new io.brainstem.application.port.in.RuntimeQueries.Limits(1, 1, 1, 1),
                new io.brainstem.application.port.in.RuntimeQueries.Listener("h", 0, 0, "default", "syslog"), intake,
                Optional.empty(), Optional.empty(),
                new io.brainstem.application.port.in.RuntimeQueries.Store("sqlite", "/data/b.sqlite3", failedWrites));
    }

    @Test
    void aQueueNearlyFullAndAStoreWhoseWritesAllFailAreProblemsToo() {
        assertEquals(java.util.List.of(), RuntimeHttpService.problems(snapshot(Map.of("syslog_udp", Map.of(
                "queued", 899L, "queue_capacity", 1000L, "writer_alive", 1L)), 2)), "below both thresholds");

        var problems = RuntimeHttpService.problems(snapshot(Map.of("syslog_udp", Map.of("queued", 950L,
                "queue_capacity", 1000L, "writer_alive", 1L)), 3));

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("syslog_udp: the queue is 95 % full (950 of 1000)"), problems.get(0));
        assertTrue(problems.get(1).startsWith("storage: the last 3 write transactions failed"), problems.get(1));
        assertTrue(problems.get(1).contains("/data/b.sqlite3"), problems.get(1));
    }
}
