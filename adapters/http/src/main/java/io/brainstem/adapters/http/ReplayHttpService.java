package io.brainstem.adapters.http;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.application.port.in.ReplayRawEnvelopesUseCase;
import io.brainstem.application.port.in.ReplayRawEnvelopesUseCase.ReplayCommand;
import io.brainstem.application.port.in.ReplayRawEnvelopesUseCase.ReplayResult;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code POST /replay/raw}: re-runs stored envelopes by id through today's pipeline. */
public final class ReplayHttpService implements HttpService {

    private final ReplayRawEnvelopesUseCase replay;
    private final RequestSupport support;

    public ReplayHttpService(ReplayRawEnvelopesUseCase replay, ApiLimits limits) {
        this.replay = replay;
        this.support = new RequestSupport(limits);
    }

    /** The body of a replay request. */
    record ReplayRequest(String dbPath, List<Long> rawEnvelopeIds, Integer threshold, Boolean force,
            List<String> allowedStatuses) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/raw", this::replay);
    }

    private void replay(ServerRequest req, ServerResponse res) {
        ReplayRequest body = JsonCodec.read(support.body(req), ReplayRequest.class);
        if (body == null || body.rawEnvelopeIds() == null || body.rawEnvelopeIds().isEmpty()) {
            throw ApiException.badRequest("missing_raw_envelope_ids",
                    "field 'raw_envelope_ids' must list at least one raw envelope id");
        }
        Set<EnvelopeStatus> allowed = EnumSet.noneOf(EnvelopeStatus.class);
        if (body.allowedStatuses() != null) {
            for (String name : body.allowedStatuses()) {
                allowed.add(EnvelopeStatus.fromWireName(name).orElseThrow(() -> ApiException.badRequest(
                        "invalid_status", "allowed_statuses may hold only " + InspectionHttpService.statusNames()
                                + ", not '" + name + "'")));
            }
        }
        DatabaseRef db = body.dbPath() != null ? DatabaseRef.of(body.dbPath()) : RequestSupport.database(req);
        int threshold = IngestHttpService.threshold(req, body.threshold());
        ReplayResult r = replay.replay(new ReplayCommand(db, body.rawEnvelopeIds(), allowed,
                Boolean.TRUE.equals(body.force()), threshold));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("db_path", r.database());
        out.put("requested_raw_envelope_ids", r.requested());
        out.put("attempted_raw_envelope_ids", r.attempted());
        out.put("skipped", r.skipped().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("raw_envelope_id", s.rawEnvelopeId());
            m.put("reason", s.reason());
            m.put("status", s.status());
            return m;
        }).toList());
        out.put("event_count", r.eventCount());
        out.put("signature_count", r.signatureCount());
        out.put("candidate_count", r.candidateCount());
        out.put("parse_failed", r.parseFailed());
        out.put("unsupported", r.unsupported());
        out.put("threshold", threshold);
        out.put("default_threshold", IngestEventsUseCase.DEFAULT_THRESHOLD);
        Responses.json(res, out);
    }
}
