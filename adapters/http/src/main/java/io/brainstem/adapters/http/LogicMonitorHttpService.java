package io.brainstem.adapters.http;

import io.brainstem.application.port.in.IngestEventsUseCase.IngestResult;
import io.brainstem.application.port.in.IngestLogicMonitorAlertUseCase;
import io.brainstem.application.port.in.IngestLogicMonitorAlertUseCase.AlertCommand;
import io.brainstem.application.port.in.IngestLogicMonitorAlertUseCase.AlertOutcome;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase.SyncCommand;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase.SyncResult;
import io.brainstem.domain.alert.AlertChange;
import io.brainstem.domain.alert.AlertReport;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.parsing.InstantText;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /connectors/logicmonitor/events} (one alert as the seed shapes it) and
 * {@code POST /connectors/logicmonitor/sync} (brainstem fetches the portal's alerts), ADR 25.
 */
public final class LogicMonitorHttpService implements HttpService {

    static final String EVENTS_PATH = "/connectors/logicmonitor/events";
    static final String MODE_ALERTS = "alerts";
    private static final Set<String> CLEARED_STATUSES = Set.of("cleared", "clear", "resolved", "recovered", "closed");

    private final IngestLogicMonitorAlertUseCase alerts;
    private final SyncLogicMonitorAlertsUseCase sync;
    private final RequestSupport support;
    private final TenantId defaultTenant;

    public LogicMonitorHttpService(IngestLogicMonitorAlertUseCase alerts, SyncLogicMonitorAlertsUseCase sync,
            ApiLimits limits, TenantId defaultTenant) {
        this.alerts = alerts;
        this.sync = sync;
        this.support = new RequestSupport(limits);
        this.defaultTenant = defaultTenant;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/events", this::event).post("/sync", this::sync);
    }

    /** The seed's alert; {@code cleared_at} may also sit in {@code metadata}, as in the seed's example. */
    record AlertRequest(String tenantId, Object resourceId, String host, String service, Object severity,
            Object alertId, String messageRaw, String timestamp, Object startedAt, Object clearedAt,
            String alertStatus, Map<String, Object> metadata, Map<String, Object> structuredFields, String dbPath,
            Integer threshold) {
    }

    record SyncRequest(String tenantId, String since, String mode, String dbPath, Integer threshold) {
    }

    private void event(ServerRequest req, ServerResponse res) {
        AlertRequest body = support.object(req, AlertRequest.class);
        TenantId tenant = IngestRequests.tenant(body.tenantId(), defaultTenant);
        AlertOutcome o = alerts.ingest(new AlertCommand(RequestSupport.database(req, body.dbPath()), tenant,
                report(body), EVENTS_PATH, IngestHttpService.threshold(req, body.threshold())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("event_id", o.eventId());
        out.put("signature_id", o.signatureId());
        out.put("candidate_ids", o.candidateIds());
        out.put("alert_id", o.alertId());
        out.put("alert_change", o.change().wireName());
        out.put("duplicate", o.change() == AlertChange.UNCHANGED);
        out.put("raised_event_id", o.raisedEventId());
        out.put("cleared_event_id", o.clearedEventId().orElse(null));
        IngestResult accounting = o.accounting();
        MemoryHttpService.put05(out, accounting);
        Responses.json(res, out);
    }

    /** The alert of a request: a 400 naming the field when something required is missing or unreadable. */
    static AlertReport report(AlertRequest a) {
        String alertId = scalar(a.alertId(), "alert_id");
        if (alertId == null) {
            throw ApiException.badRequest("missing_alert_id", "field 'alert_id' (LogicMonitor's alert id, a number or"
                    + " string) is required: it is how a clearing finds its alert");
        }
        Map<String, Object> metadata = a.metadata() == null ? Map.of() : a.metadata();
        Object startText = a.startedAt() != null ? a.startedAt() : a.timestamp();
        if (startText == null) {
            throw ApiException.badRequest("missing_timestamp", "field 'timestamp' (when the alert started) is"
                    + " required");
        }
        Instant startedAt = time(startText, a.startedAt() != null ? "started_at" : "timestamp");
        Object clearedText = a.clearedAt() != null ? a.clearedAt() : metadata.get("cleared_at");
        Optional<Instant> clearedAt = clearedText == null ? Optional.empty() : Optional.of(time(clearedText,
                a.clearedAt() != null ? "cleared_at" : "metadata.cleared_at"));
        boolean saysCleared = Boolean.TRUE.equals(metadata.get("cleared")) || (a.alertStatus() != null
                && CLEARED_STATUSES.contains(a.alertStatus().strip().toLowerCase(Locale.ROOT)));
        if (saysCleared && clearedAt.isEmpty()) {
            throw ApiException.badRequest("missing_cleared_at", "a cleared alert needs 'cleared_at' (or"
                    + " 'metadata.cleared_at'): when it cleared");
        }
        Map<String, Object> fields = new LinkedHashMap<>(a.structuredFields() == null ? Map.of()
                : a.structuredFields());
        copy(metadata, "datasource", fields, "datasource");
        copy(metadata, metadata.containsKey("instance_name") ? "instance_name" : "instance", fields, "instance");
        copy(metadata, metadata.containsKey("datapoint") ? "datapoint" : "data_point", fields, "datapoint");
        copy(metadata, "acknowledged", fields, "acknowledged");
        copy(metadata, metadata.containsKey("alert_type") ? "alert_type" : "type", fields, "alert_type");
        copy(metadata, "value", fields, "alert_value");
        copy(metadata, "threshold", fields, "threshold");
        return new AlertReport(alertId, startedAt, clearedAt, a.host(), a.service(),
                scalar(a.severity(), "severity"), a.messageRaw(), scalar(a.resourceId(), "resource_id"), fields,
                metadata);
    }

    private static void copy(Map<String, Object> from, String key, Map<String, Object> to, String as) {
        Object v = from.get(key);
        if (v != null && !to.containsKey(as)) {
            to.put(as, v);
        }
    }

    /** A number or a string as text (null when absent); anything else is a 400 naming the field. */
    private static String scalar(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s.isBlank() ? null : s.strip();
        }
        if (value instanceof Number n) {
            return n instanceof Double || n instanceof Float ? n.toString() : Long.toString(n.longValue());
        }
        throw ApiException.badRequest("invalid_field", "field '" + field + "' must be a number or a string");
    }

    private static Instant time(Object value, String field) {
        return InstantText.parse(value).orElseThrow(() -> ApiException.badRequest("invalid_" + field.replace(
                "metadata.", ""), "field '" + field + "' must be an RFC 3339 time such as 2026-03-22T00:00:00Z or"
                + " epoch seconds, was '" + RequestSupport.abbreviate(String.valueOf(value)) + "'"));
    }

    private void sync(ServerRequest req, ServerResponse res) {
        SyncRequest body = support.object(req, SyncRequest.class);
        String mode = body.mode() == null ? MODE_ALERTS : body.mode().strip();
        if (!MODE_ALERTS.equals(mode)) {
            throw ApiException.badRequest("invalid_mode", "mode must be 'alerts' (the only kind of LogicMonitor data"
                    + " brainstem syncs), was '" + RequestSupport.abbreviate(mode) + "'");
        }
        TenantId tenant = IngestRequests.tenant(body.tenantId(), defaultTenant);
        SyncResult r = sync.sync(new SyncCommand(RequestSupport.database(req, body.dbPath()), tenant,
                RequestSupport.instant("since", body.since()), IngestHttpService.threshold(req, body.threshold())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("ingested", r.ingested());
        out.put("signatures_created", r.signaturesCreated());
        out.put("candidates_created", r.candidatesCreated());
        out.put("portal", r.portal());
        out.put("tenant_id", r.tenantId());
        out.put("mode", mode);
        out.put("from", r.from().toString());
        out.put("fetched", r.fetched());
        out.put("raised", r.raised());
        out.put("cleared", r.cleared());
        out.put("unchanged", r.unchanged());
        out.put("skipped", r.skipped());
        out.put("requests", r.requests());
        out.put("resume_from", r.resumeFrom().toString());
        Responses.json(res, out);
    }
}
