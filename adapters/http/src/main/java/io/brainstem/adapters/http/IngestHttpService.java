package io.brainstem.adapters.http;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestResult;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /ingest/event} and {@code POST /ingest/batch}. */
public final class IngestHttpService implements HttpService {

    private final IngestEventsUseCase ingest;
    private final RequestSupport support;
    private final TenantId defaultTenant;

    public IngestHttpService(IngestEventsUseCase ingest, ApiLimits limits, TenantId defaultTenant) {
        this.ingest = ingest;
        this.support = new RequestSupport(limits);
        this.defaultTenant = defaultTenant;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/event", this::event)
                .post("/batch", this::batch)
                .post("/logicmonitor", this::logicMonitor);
    }

    private void event(ServerRequest req, ServerResponse res) {
        IngestRequests.EventRequest event = JsonCodec.read(support.body(req), IngestRequests.EventRequest.class);
        if (event == null) {
            throw ApiException.badRequest("invalid_json", "the body must be a JSON object");
        }
        int threshold = threshold(req, null);
        IngestResult result = ingest.ingest(RequestSupport.keyed(req, new IngestCommand(RequestSupport.database(req),
                List.of(event.toContent(defaultTenant)), threshold)));
        RequestSupport.markRepeat(res, result);
        Responses.json(res, IngestResponse.from(result));
    }

    private void batch(ServerRequest req, ServerResponse res) {
        IngestRequests.BatchRequest batch = JsonCodec.read(support.body(req), IngestRequests.BatchRequest.class);
        if (batch == null || batch.events() == null) {
            throw ApiException.badRequest("missing_events", "field 'events' (a JSON array of events) is required");
        }
        if (batch.events().isEmpty()) {
            throw ApiException.badRequest("empty_batch", "field 'events' must hold at least one event");
        }
        if (batch.events().size() > support.limits().maxBatchEvents()) {
            throw ApiException.badRequest("batch_too_large", "a batch holds 1 to "
                    + support.limits().maxBatchEvents() + " events, this one has " + batch.events().size());
        }
        List<EnvelopeContent> contents = new ArrayList<>(batch.events().size());
        for (int i = 0; i < batch.events().size(); i++) {
            IngestRequests.EventRequest e = batch.events().get(i);
            if (e == null) {
                throw ApiException.badRequest("invalid_field", "field 'events[" + i + "]' must be an object");
            }
            contents.add(e.toContent(defaultTenant));
        }
        DatabaseRef db = batch.dbPath() != null ? DatabaseRef.of(batch.dbPath()) : RequestSupport.database(req);
        IngestResult result = ingest.ingest(RequestSupport.keyed(req,
                new IngestCommand(db, contents, threshold(req, batch.threshold()))));
        RequestSupport.markRepeat(res, result);
        Responses.json(res, IngestResponse.from(result));
    }

    /**
     * {@code POST /ingest/logicmonitor}: each alert becomes a {@code logicmonitor} envelope — message_raw,
     * severity and metadata as sent, resource_id as source_id, resource_name as source_name, every other
     * field of the alert kept in structured_fields for the LogicMonitor parser.
     */
    private void logicMonitor(ServerRequest req, ServerResponse res) {
        IngestRequests.LogicMonitorRequest body = JsonCodec.read(support.body(req),
                IngestRequests.LogicMonitorRequest.class);
        if (body == null || body.events() == null) {
            throw ApiException.badRequest("missing_events", "field 'events' (a JSON array of alerts) is required");
        }
        if (body.events().isEmpty()) {
            throw ApiException.badRequest("empty_batch", "field 'events' must hold at least one alert");
        }
        if (body.events().size() > support.limits().maxBatchEvents()) {
            throw ApiException.badRequest("batch_too_large", "a batch holds 1 to "
                    + support.limits().maxBatchEvents() + " alerts, this one has " + body.events().size());
        }
        TenantId tenant = IngestRequests.tenant(body.tenantId(), defaultTenant);
        List<EnvelopeContent> contents = new ArrayList<>(body.events().size());
        for (int i = 0; i < body.events().size(); i++) {
            contents.add(IngestRequests.logicMonitorAlert(body.events().get(i), i, tenant, body.sourcePath()));
        }
        DatabaseRef db = body.dbPath() != null ? DatabaseRef.of(body.dbPath()) : RequestSupport.database(req);
        IngestResult result = ingest.ingest(RequestSupport.keyed(req,
                new IngestCommand(db, contents, threshold(req, body.threshold()))));
        RequestSupport.markRepeat(res, result);
        Responses.json(res, IngestResponse.from(result));
    }

    static int threshold(ServerRequest req, Integer fromBody) {
        if (fromBody != null) {
            if (fromBody < 1 || fromBody > IngestEventsUseCase.MAX_THRESHOLD) {
                throw ApiException.badRequest("invalid_threshold", "threshold must be between 1 and "
                        + IngestEventsUseCase.MAX_THRESHOLD + ", was " + fromBody);
            }
            return fromBody;
        }
        return RequestSupport.intQuery(req, "threshold", IngestEventsUseCase.DEFAULT_THRESHOLD, 1,
                IngestEventsUseCase.MAX_THRESHOLD);
    }

    /** The seed's ingest accounting. */
    record IngestResponse(boolean ok, String tenantId, int eventCount, int signatureCount, int candidateCount,
            int parseFailed, int unsupported, List<CandidateJson> interestingItems) {
        static IngestResponse from(IngestResult r) {
            return new IngestResponse(true, r.tenantId(), r.eventCount(), r.signatureCount(), r.candidateCount(),
                    r.parseFailed(), r.unsupported(), r.interestingItems().stream().map(CandidateJson::from).toList());
        }
    }
}
