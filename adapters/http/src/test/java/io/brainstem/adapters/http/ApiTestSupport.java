package io.brainstem.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brainstem.application.port.in.RuntimeQueries;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.port.out.LogicMonitorPortal;
import io.brainstem.application.service.IngestService;
import io.brainstem.application.service.LogicMonitorService;
import io.brainstem.application.service.MemoryService;
import io.brainstem.application.service.InspectionService;
import io.brainstem.application.service.ReplayService;
import io.brainstem.application.testing.InMemoryStorage;
import io.brainstem.domain.alert.AlertReport;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.MinerSettings;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routes over in-memory storage, and a small JSON client for the HTTP tests. */
final class ApiTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    private ApiTestSupport() {
    }

    static HttpApi.Dependencies dependencies(ApiLimits limits, Optional<String> token) {
        return dependencies(limits, token, Map.of());
    }

    /** @param intake the intake counters the runtime reports, per channel */
    static HttpApi.Dependencies dependencies(ApiLimits limits, Optional<String> token,
            Map<String, Map<String, Long>> intake) {
        return dependencies(limits, token, intake, LogicMonitorPortal.unconfigured(
                "LogicMonitor is not configured: set BRAINSTEM_LM_COMPANY, BRAINSTEM_LM_ACCESS_ID and"
                        + " BRAINSTEM_LM_ACCESS_KEY"), HttpMetrics.OFF);
    }

    /** With {@code metrics} recording the requests and answering {@code GET /metrics}. */
    static HttpApi.Dependencies dependencies(ApiLimits limits, Optional<String> token,
            Map<String, Map<String, Long>> intake, HttpMetrics metrics) {
        return dependencies(limits, token, intake, LogicMonitorPortal.unconfigured(
                "LogicMonitor is not configured: set BRAINSTEM_LM_COMPANY, BRAINSTEM_LM_ACCESS_ID and"
                        + " BRAINSTEM_LM_ACCESS_KEY"), metrics);
    }

    /** With {@code portal} as the LogicMonitor portal that syncs fetch from. */
    static HttpApi.Dependencies dependencies(ApiLimits limits, Optional<String> token,
            Map<String, Map<String, Long>> intake, LogicMonitorPortal portal) {
        return dependencies(limits, token, intake, portal, HttpMetrics.OFF);
    }

    static HttpApi.Dependencies dependencies(ApiLimits limits, Optional<String> token,
            Map<String, Map<String, Long>> intake, LogicMonitorPortal portal, HttpMetrics metrics) {
        StorageCatalog catalog = InMemoryStorage.catalog();
        IngestService ingest = new IngestService(catalog, new Canonicalizer(), MinerSettings.DEFAULTS,
                Clock.systemUTC());
        RuntimeQueries runtime = () -> new RuntimeQueries.RuntimeSnapshot("test", token.isPresent(),
                new RuntimeQueries.Defaults(2, "memory", "memory", "default", 20),
                new RuntimeQueries.Limits(limits.maxBodyBytes(), limits.maxBatchEvents(), limits.maxLimit(), 1_000_000),
                new RuntimeQueries.Listener("127.0.0.1", 5514, 0, "default", "syslog"), intake);
        MemoryService memory = new MemoryService(catalog, ingest);
        LogicMonitorService logicMonitor = new LogicMonitorService(catalog, ingest, portal, Clock.systemUTC());
        return new HttpApi.Dependencies(ingest, new ReplayService(catalog, ingest), new InspectionService(catalog),
                runtime, limits, TenantId.of("default"), token, memory, memory, memory, logicMonitor, logicMonitor,
                metrics);
    }

    /** A portal that serves {@code alerts} as one page, whatever is asked. */
    static LogicMonitorPortal portalOf(List<AlertReport> alerts) {
        return new LogicMonitorPortal() {
            @Override
            public String name() {
                return "test-portal";
            }

            @Override
            public AlertPage alerts(java.time.Instant startedFrom, int offset, int size) {
                return new AlertPage(offset == 0 ? alerts : List.of(), alerts.size(), 0, 1);
            }
        };
    }

    record Reply(Status status, JsonNode body) {
    }

    /** Sends the request; a body goes as {@code application/json}, as every client of the API must send it. */
    static Reply send(Http1ClientRequest request, String body) {
        if (body != null) {
            request.header(io.helidon.http.HeaderValues.CONTENT_TYPE_JSON);
        }
        try (Http1ClientResponse res = body == null ? request.request() : request.submit(body)) {
            String text = res.as(String.class);
            try {
                return new Reply(res.status(), JSON.readTree(text));
            } catch (Exception e) {
                throw new AssertionError("response is not JSON: " + text, e);
            }
        }
    }

    static Reply post(Http1Client client, String path, String body) {
        return send(client.post(path), body);
    }

    static Reply get(Http1Client client, String path) {
        return send(client.get(path), null);
    }

    /** A GET with query parameters given as name, value, name, value... */
    static Reply get(Http1Client client, String path, String... query) {
        return send(withQuery(client.get(path), query), null);
    }

    /** A POST with query parameters given as name, value, name, value... */
    static Reply post(Http1Client client, String path, String body, String... query) {
        return send(withQuery(client.post(path), query), body);
    }

    private static Http1ClientRequest withQuery(Http1ClientRequest request, String... query) {
        if (query.length % 2 != 0) {
            throw new IllegalArgumentException("query parameters come in name, value pairs");
        }
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam(query[i], query[i + 1]);
        }
        return request;
    }

    /** Asserts the one error shape with this status and code, and returns the message. */
    static String assertError(Reply reply, Status status, String code) {
        assertEquals(status, reply.status(), reply.body().toString());
        assertFalse(reply.body().get("ok").asBoolean(), reply.body().toString());
        assertEquals(code, reply.body().at("/error/code").asText(),
                reply.body().toString());
        String message = reply.body().at("/error/message").asText();
        assertFalse(message.isBlank(), "error message is blank");
        return message;
    }

    /** Asserts a 200 with {@code "ok": true} and returns the body. */
    static JsonNode assertOk(Reply reply) {
        assertEquals(Status.OK_200, reply.status(), reply.body().toString());
        assertTrue(reply.body().get("ok").asBoolean(), reply.body().toString());
        return reply.body();
    }
}
