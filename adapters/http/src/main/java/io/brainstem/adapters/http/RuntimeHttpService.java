package io.brainstem.adapters.http;

import io.brainstem.application.port.in.RetainRecentEventsUseCase.RetentionStatus;
import io.brainstem.application.port.in.RuntimeQueries;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase.SyncStatus;
import io.brainstem.application.port.in.RuntimeQueries.RuntimeSnapshot;
import io.brainstem.domain.envelope.SourceType;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /healthz}, {@code /status} (the same payload) and {@code /runtime}. Never authenticated. */
public final class RuntimeHttpService implements HttpService {

    public static final String API_TOKEN_ENV = "BRAINSTEM_API_TOKEN";

    private final RuntimeQueries runtime;

    public RuntimeHttpService(RuntimeQueries runtime) {
        this.runtime = runtime;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/healthz", this::status)
                .head("/healthz", this::statusHead)
                .get("/status", this::status)
                .head("/status", this::statusHead)
                .get("/runtime", this::runtime);
    }

    private void status(ServerRequest req, ServerResponse res) {
        Health health = health(runtime.snapshot());
        Responses.json(res, health.status(), health.body());
    }

    /** What {@code GET /healthz} answers: 200 and {@code "status": "ok"}, or 503, {@code "degraded"} and why. */
    record Health(io.helidon.http.Status status, Map<String, Object> body) {
    }

    static Health health(RuntimeSnapshot s) {
        List<String> problems = problems(s);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", problems.isEmpty());
        body.put("status", problems.isEmpty() ? "ok" : "degraded");
        if (!problems.isEmpty()) {
            body.put("problems", problems);
            body.put("error", Map.of("code", "degraded", "message", String.join("; ", problems)));
        }
        body.put("runtime", summary(s));
        body.put("api_token_enabled", s.apiTokenEnabled());
        return new Health(problems.isEmpty() ? io.helidon.http.Status.OK_200
                : io.helidon.http.Status.SERVICE_UNAVAILABLE_503, body);
    }

    /** HEAD: the status code alone (load balancers' checks), 200 or 503 as the GET would answer. */
    private void statusHead(ServerRequest req, ServerResponse res) {
        res.status(problems(runtime.snapshot()).isEmpty() ? io.helidon.http.Status.OK_200
                : io.helidon.http.Status.SERVICE_UNAVAILABLE_503);
        res.header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/json");
        res.send();
    }

    /** An intake queue this full means the store is slower than the senders and messages are about to be dropped. */
    static final double QUEUE_FULL_SHARE = 0.9;

    /**
     * What keeps this process from doing its work: a dead intake writer (nothing received would be stored), an intake
     * queue nearly full (the store cannot keep up; messages are being or about to be dropped), a store whose last
     * write transactions all failed (a full disk, a corrupt or unreachable database).
     */
    static List<String> problems(RuntimeSnapshot s) {
        List<String> problems = new java.util.ArrayList<>();
        s.intake().forEach((channel, counters) -> {
            if (counters.getOrDefault("writer_alive", 1L) == 0L) {
                problems.add(channel + ": the writer thread is dead; " + counters.getOrDefault("queued", 0L)
                        + " received messages are not being stored (restart brainstem)");
            }
            long capacity = counters.getOrDefault("queue_capacity", 0L);
            long queued = counters.getOrDefault("queued", 0L);
            if (capacity > 0 && queued >= QUEUE_FULL_SHARE * capacity) {
                problems.add(channel + ": the queue is " + (100 * queued / capacity) + " % full (" + queued + " of "
                        + capacity + "): the store is slower than the senders and messages are being dropped");
            }
        });
        long failed = s.store().failedWritesInARow();
        if (s.store().unusable()) {
            problems.add("storage: the last " + failed + " write transactions failed and none committed since ("
                    + s.store().engine() + " " + s.store().location() + "); nothing is being stored — see the log");
        }
        return problems;
    }

    private void runtime(ServerRequest req, ServerResponse res) {
        RuntimeSnapshot s = runtime.snapshot();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("version", s.version());
        body.put("api_token_env", API_TOKEN_ENV);
        body.put("api_token_enabled", s.apiTokenEnabled());
        body.put("auth_state", authState(s));
        body.put("capability_flags", capabilityFlags());
        body.put("defaults", s.defaults());
        body.put("limits", s.limits());
        body.put("listener_defaults", s.listener());
        body.put("intake", s.intake());
        body.put("retention", retention(s.retention()));
        body.put("storage", Map.of("engine", s.store().engine(), "location", s.store().location()));
        body.put("logicmonitor", logicMonitor(s.logicMonitor()));
        body.put("runtime", summary(s));
        Responses.json(res, body);
    }

    static Map<String, Object> retention(Optional<RetentionStatus> retention) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", retention.isPresent());
        m.put("retention_days", retentionDays(retention));
        m.put("env", "BRAINSTEM_RETENTION_DAYS");
        m.put("deleted_total", retention.map(RetentionStatus::deletedTotal).orElse(0L));
        m.put("last_sweep_at", retention.flatMap(RetentionStatus::lastSweepAt).map(Instant::toString).orElse(null));
        m.put("last_error", retention.flatMap(RetentionStatus::lastError).orElse(null));
        return m;
    }

    /**
     * The LogicMonitor connector: whether a portal is configured, the scheduled sync and what the last runs did. The
     * settings are named, never shown: the access key appears nowhere.
     */
    static Map<String, Object> logicMonitor(Optional<SyncStatus> status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("configured", status.map(SyncStatus::configured).orElse(false));
        m.put("portal", status.map(SyncStatus::portal).orElse(null));
        m.put("env", List.of("BRAINSTEM_LM_COMPANY", "BRAINSTEM_LM_ACCESS_ID", "BRAINSTEM_LM_ACCESS_KEY",
                "BRAINSTEM_LM_BASE_URL", "BRAINSTEM_LM_SYNC_INTERVAL", "BRAINSTEM_LM_SYNC_TENANT"));
        m.put("sync_interval_seconds", status.flatMap(SyncStatus::interval).map(Duration::toSeconds).orElse(null));
        m.put("last_run_at", status.flatMap(SyncStatus::lastRunAt).map(Instant::toString).orElse(null));
        m.put("next_run_at", status.flatMap(SyncStatus::nextRunAt).map(Instant::toString).orElse(null));
        m.put("last_error", status.flatMap(SyncStatus::lastError).orElse(null));
        m.put("runs", status.map(SyncStatus::runs).orElse(0L));
        m.put("failures", status.map(SyncStatus::failures).orElse(0L));
        m.put("alerts_synced_total", status.map(SyncStatus::alertsSyncedTotal).orElse(0L));
        m.put("last_result", status.flatMap(SyncStatus::lastResult).map(r -> {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("tenant_id", r.tenantId());
            last.put("from", r.from().toString());
            last.put("fetched", r.fetched());
            last.put("ingested", r.ingested());
            last.put("requests", r.requests());
            last.put("resume_from", r.resumeFrom().toString());
            return last;
        }).orElse(null));
        return m;
    }

    /** {@code BRAINSTEM_RETENTION_DAYS}, null when retention is off. */
    static Long retentionDays(Optional<RetentionStatus> retention) {
        return retention.map(r -> r.period().toDays()).orElse(null);
    }

    private static Map<String, Object> summary(RuntimeSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", s.version());
        m.put("auth_state", authState(s));
        m.put("defaults", s.defaults());
        m.put("limits", s.limits());
        m.put("capabilities", capabilityFlags());
        m.put("intake", s.intake());
        return m;
    }

    private static Map<String, Object> authState(RuntimeSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("api_token_enabled", s.apiTokenEnabled());
        m.put("mode", s.apiTokenEnabled() ? "token_required" : "open");
        m.put("accepted_headers", List.of("X-API-Token", "Authorization: Bearer"));
        m.put("unauthenticated_endpoints", AuthFilter.OPEN_PATHS);
        return m;
    }

    /** The capability flags exactly as the seed lists them, plus the endpoint list. */
    static Map<String, Object> capabilityFlags() {
        Map<String, Object> modes = new LinkedHashMap<>();
        modes.put(SourceType.SYSLOG, List.of("single_event_api", "batch_api", "udp_listener"));
        modes.put(SourceType.FILE, List.of("single_event_api", "batch_api"));
        modes.put(SourceType.LOGICMONITOR, List.of("logicmonitor_webhook"));
        Map<String, Object> sources = new LinkedHashMap<>();
        sources.put("source_types", SourceType.KNOWN);
        sources.put("ingest_modes_by_source_type", modes);
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("source_capabilities", sources);
        flags.put("endpoints", HttpApi.ENDPOINTS);
        return flags;
    }
}
