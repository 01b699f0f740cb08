package io.brainstem.adapters.http;

import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.application.port.in.IngestLogicMonitorAlertUseCase;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase;
import io.brainstem.application.port.in.InspectionQueries;
import io.brainstem.application.port.in.MemoryQueries;
import io.brainstem.application.port.in.PromoteCandidateUseCase;
import io.brainstem.application.port.in.RecordReviewUseCase;
import io.brainstem.application.port.in.ReplayRawEnvelopesUseCase;
import io.brainstem.application.port.in.RuntimeQueries;
import io.brainstem.domain.envelope.TenantId;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The whole HTTP API on one routing; used by bootstrap and by tests. */
public final class HttpApi {

    /** Every endpoint served, as {@code METHOD /path}. */
    public static final List<String> ENDPOINTS = List.of(
            "POST /ingest/event", "POST /ingest/batch", "POST /ingest/logicmonitor", "POST /replay/raw",
            "GET /interesting", "GET /candidates", "GET /signatures",
            "GET /signatures/{signature_id}", "GET /canonical_events", "GET /stats",
            "GET /failures", "GET /failures/{raw_envelope_id}", "GET /raw_envelopes", "GET /ingest/recent",
            "GET /sources", "GET /sources/status", "GET /runtime", "GET /status", "GET /healthz", "GET /openapi",
            "POST /events/ingest", "POST /events/ingest_bulk", "POST /events/search", "POST /candidates/search",
            "POST /candidates/explain", "POST /candidates/promote", "POST /incidents/search",
            "GET /incidents/{incident_memory_id}", "POST /history/related", "POST /review/record",
            "POST /digest/daily", "POST /connectors/logicmonitor/events", "POST /connectors/logicmonitor/sync",
            "GET /metrics");

    private HttpApi() {
    }

    /** What the routes need; {@code metrics} records requests and answers {@code GET /metrics}. */
    public record Dependencies(IngestEventsUseCase ingest, ReplayRawEnvelopesUseCase replay,
            InspectionQueries inspection, RuntimeQueries runtime, ApiLimits limits, TenantId defaultTenant,
            Optional<String> apiToken, PromoteCandidateUseCase promote, RecordReviewUseCase review,
            MemoryQueries memory, IngestLogicMonitorAlertUseCase logicMonitorAlerts,
            SyncLogicMonitorAlertsUseCase logicMonitorSync, HttpMetrics metrics) {

        /** Without metrics ({@link HttpMetrics#OFF}). */
        public Dependencies(IngestEventsUseCase ingest, ReplayRawEnvelopesUseCase replay,
                InspectionQueries inspection, RuntimeQueries runtime, ApiLimits limits, TenantId defaultTenant,
                Optional<String> apiToken, PromoteCandidateUseCase promote, RecordReviewUseCase review,
                MemoryQueries memory, IngestLogicMonitorAlertUseCase logicMonitorAlerts,
                SyncLogicMonitorAlertsUseCase logicMonitorSync) {
            this(ingest, replay, inspection, runtime, limits, defaultTenant, apiToken, promote, review, memory,
                    logicMonitorAlerts, logicMonitorSync, HttpMetrics.OFF);
        }
    }

    /**
     * Registers every route, filter and error mapping.
     *
     * @return the live counters of request bodies: {@code body_bytes_in_flight}, {@code body_bytes_budget},
     *         {@code bodies_refused_busy}
     */
    public static Supplier<Map<String, Long>> routing(HttpRouting.Builder routing, Dependencies deps) {
        return routing(routing, deps, Optional.empty());
    }

    /**
     * Registers every route, filter and error mapping, with the server's {@link HttpConnections} (its body
     * deadline and counters).
     */
    public static Supplier<Map<String, Long>> routing(HttpRouting.Builder routing, Dependencies deps,
            Optional<HttpConnections> connections) {
        if (deps.metrics().enabled()) { // first: it times the token check too, and counts its 401s
            routing.addFilter(new RequestMetricsFilter(deps.metrics(), new RouteTemplates(ENDPOINTS)));
        }
        BodyBudget budget = new BodyBudget(deps.limits().maxBodyBytesInFlight());
        routing.addFilter(new RequestGuard(budget, connections));
        deps.apiToken().filter(t -> !t.isBlank()).ifPresent(token -> routing.addFilter(new AuthFilter(token)));
        ErrorMapping.register(routing, maxDrainBytes(deps.limits()));
        routing.register("/", new RuntimeHttpService(deps.runtime()))
                .register("/", new InspectionHttpService(deps.inspection(), deps.runtime(), deps.limits()))
                .register("/", new OpenApiHttpService())
                .register("/", new ConsoleHttpService())
                .register("/", new MetricsHttpService(deps.metrics()))
                .register("/ingest", new IngestHttpService(deps.ingest(), deps.limits(), deps.defaultTenant()))
                .register("/replay", new ReplayHttpService(deps.replay(), deps.limits()))
                .register("/connectors/logicmonitor", new LogicMonitorHttpService(deps.logicMonitorAlerts(),
                        deps.logicMonitorSync(), deps.limits(), deps.defaultTenant()))
                .register("/", new MemoryHttpService(deps.ingest(), deps.promote(), deps.review(), deps.memory(),
                        deps.limits(), deps.defaultTenant()))
                .any((req, res) -> Responses.error(res, Status.NOT_FOUND_404, "not_found",
                        "no endpoint " + req.prologue().method().text() + " " + req.path().path()));
        return () -> {
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put("body_bytes_in_flight", budget.inFlight());
            counters.put("body_bytes_budget", budget.maxBytes());
            counters.put("bodies_refused_busy", budget.refused());
            connections.ifPresent(c -> counters.putAll(c.counters()));
            return counters;
        };
    }

    /**
     * How much of a refused body is read and dropped so that the client can read the answer (four largest bodies);
     * the server's own payload limit is this too: a body declared longer is refused before the routing.
     */
    public static long maxDrainBytes(ApiLimits limits) {
        return limits.maxBodyBytes() * 4;
    }
}
