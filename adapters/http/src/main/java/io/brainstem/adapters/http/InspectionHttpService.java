package io.brainstem.adapters.http;

import io.brainstem.adapters.http.InspectionJson.EnvelopeJson;
import io.brainstem.adapters.http.InspectionJson.EventJson;
import io.brainstem.adapters.http.InspectionJson.SignatureDetailJson;
import io.brainstem.adapters.http.InspectionJson.SignatureJson;
import io.brainstem.adapters.http.InspectionJson.SourceStatusJson;
import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.InspectionQueries;
import io.brainstem.application.port.in.InspectionQueries.CandidateFilter;
import io.brainstem.application.port.in.InspectionQueries.EnvelopeFilter;
import io.brainstem.application.port.in.InspectionQueries.EventFilter;
import io.brainstem.application.port.in.InspectionQueries.SignatureFilter;
import io.brainstem.application.port.in.InspectionQueries.SourceFilter;
import io.brainstem.application.port.in.InspectionQueries.Stats;
import io.brainstem.application.port.in.RuntimeQueries;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.candidate.detection.CandidateNarrative;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.shared.DomainViolation;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.SignatureId;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Arrays;
import java.util.EnumSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Every {@code GET} inspection endpoint of the seed, with every query parameter it names. */
public final class InspectionHttpService implements HttpService {

    private final InspectionQueries queries;
    private final RuntimeQueries runtime;
    private final RequestSupport support;

    public InspectionHttpService(InspectionQueries queries, RuntimeQueries runtime, ApiLimits limits) {
        this.queries = queries;
        this.runtime = runtime;
        this.support = new RequestSupport(limits);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/interesting", this::interesting)
                .get("/candidates", this::candidates)
                .get("/signatures", this::signatures)
                .get("/signatures/{signature_id}", this::signature)
                .get("/canonical_events", this::canonicalEvents)
                .get("/stats", this::stats)
                .get("/failures", this::failures)
                .get("/failures/{raw_envelope_id}", this::failure)
                .get("/raw_envelopes", this::rawEnvelopes)
                .get("/ingest/recent", this::recent)
                .get("/sources", this::sources)
                .get("/sources/status", this::sourceStatus);
    }

    private static Optional<String> q(ServerRequest req, String name) {
        return RequestSupport.query(req, name);
    }

    private static <T> Optional<T> parsed(ServerRequest req, String name, Function<String, Optional<T>> parser,
            List<String> allowed) {
        Optional<String> raw = q(req, name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> value = parser.apply(raw.get());
        if (value.isEmpty()) {
            throw ApiException.badRequest("invalid_" + name, name + " must be one of " + allowed + ", was '"
                    + RequestSupport.abbreviate(raw.get()) + "'");
        }
        return value;
    }

    private static Optional<EnvelopeStatus> status(ServerRequest req) {
        return parsed(req, "status", EnvelopeStatus::fromWireName, statusNames());
    }

    private Map<String, Object> listing(List<?> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        BoundedItems.of(items, support.limits().maxResponseBytes()).putInto(body);
        return body;
    }

    private void interesting(ServerRequest req, ServerResponse res) {
        int limit = support.limit(req, 5);
        Responses.json(res, listing(queries.interesting(RequestSupport.database(req), q(req, "tenant_id"), limit)
                .stream().map(CandidateJson::from).toList()));
    }

    private void candidates(ServerRequest req, ServerResponse res) {
        int limit = support.limit(req, 5);
        CandidateFilter filter = new CandidateFilter(q(req, "tenant_id"),
                parsed(req, "candidate_type", CandidateType::fromWireName,
                        Arrays.stream(CandidateType.values()).map(CandidateType::wireName).toList()),
                parsed(req, "decision_band", DecisionBand::fromWireName,
                        Arrays.stream(DecisionBand.values()).map(DecisionBand::wireName).toList()),
                RequestSupport.doubleQuery(req, "min_score_total", 0.0, 1.0));
        Responses.json(res, listing(queries.candidates(RequestSupport.database(req), filter, limit).stream()
                .map(c -> CandidateJson.from(c, CandidateNarrative.whyItMatters(c))).toList()));
    }

    private void signatures(ServerRequest req, ServerResponse res) {
        int limit = support.limit(req, 5);
        Optional<Long> minCount = q(req, "min_occurrence_count").isPresent()
                ? Optional.of((long) RequestSupport.intQuery(req, "min_occurrence_count", 1, 1, Integer.MAX_VALUE))
                : Optional.empty();
        SignatureFilter filter = new SignatureFilter(q(req, "tenant_id"),
                parsed(req, "event_family", EventFamily::fromWireName,
                        Arrays.stream(EventFamily.values()).map(EventFamily::wireName).toList()),
                q(req, "service"), minCount);
        Responses.json(res, listing(queries.signatures(RequestSupport.database(req), filter, limit).stream()
                .map(SignatureJson::from).toList()));
    }

    /** One signature; an id merged into another answers with the survivor and says so ({@code resolved_from}). */
    private void signature(ServerRequest req, ServerResponse res) {
        String raw = req.path().pathParameters().get("signature_id");
        Optional<SignatureId> id;
        try {
            id = Optional.of(new SignatureId(raw));
        } catch (DomainViolation e) {
            id = Optional.empty();
        }
        var detail = id.flatMap(i -> queries.signature(RequestSupport.database(req), i))
                .orElseThrow(() -> new ApiException(Status.NOT_FOUND_404, "not_found",
                        "no signature " + RequestSupport.abbreviate(raw) + " in this database"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("item", SignatureDetailJson.from(detail.signature(), detail.mergedFrom()));
        body.put("resolved_from", detail.resolvedFrom().map(SignatureId::value).orElse(null));
        Responses.json(res, body);
    }

    private void canonicalEvents(ServerRequest req, ServerResponse res) {
        int limit = support.limit(req, 20);
        EventFilter filter = new EventFilter(q(req, "tenant_id"), q(req, "source"), q(req, "host"),
                q(req, "service"), parsed(req, "severity", Severity::parse,
                        Arrays.stream(Severity.values()).map(Severity::wireName).toList()),
                q(req, "signature_id"));
        Responses.json(res, listing(queries.canonicalEvents(RequestSupport.database(req), filter, limit).stream()
                .map(EventJson::from).toList()));
    }

    private void stats(ServerRequest req, ServerResponse res) {
        Stats s = queries.stats(RequestSupport.database(req));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("received", s.received());
        body.put("canonicalized", s.canonicalized());
        body.put("parse_failed", s.parseFailed());
        body.put("unsupported", s.unsupported());
        body.put("pending", s.pending());
        body.put("candidates_generated", s.candidatesGenerated());
        body.put("signatures", s.signatures());
        body.put("source_summaries", s.sourceSummaries());
        RuntimeQueries.RuntimeSnapshot snapshot = runtime.snapshot();
        body.put("intake", snapshot.intake());
        Map<String, Object> retention = new LinkedHashMap<>();
        retention.put("retention_days", RuntimeHttpService.retentionDays(snapshot.retention()));
        retention.put("oldest_received_at", s.oldestReceivedAt().map(Instant::toString).orElse(null));
        body.put("retention", retention);
        Responses.json(res, body);
    }

    private void failures(ServerRequest req, ServerResponse res) {
        int limit = support.limit(req, 20);
        Optional<EnvelopeStatus> status = status(req);
        Set<EnvelopeStatus> statuses = status.map(EnumSet::of)
                .orElse(EnumSet.of(EnvelopeStatus.PARSE_FAILED, EnvelopeStatus.UNSUPPORTED));
        List<EnvelopeJson> items = queries.rawEnvelopes(RequestSupport.database(req),
                EnvelopeFilter.ofStatuses(statuses), limit).stream().map(EnvelopeJson::from).toList();
        Map<String, Object> body = listing(items);
        body.put("status", status.map(EnvelopeStatus::wireName).orElse(null));
        Responses.json(res, body);
    }

    private void failure(ServerRequest req, ServerResponse res) {
        String raw = req.path().pathParameters().get("raw_envelope_id");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_raw_envelope_id", "raw_envelope_id must be a positive integer");
        }
        if (id < 1) {
            throw ApiException.badRequest("invalid_raw_envelope_id", "raw_envelope_id must be a positive integer");
        }
        DatabaseRef db = RequestSupport.database(req);
        var envelope = queries.rawEnvelope(db, new RawEnvelopeId(id))
                .orElseThrow(() -> new ApiException(Status.NOT_FOUND_404, "not_found",
                        "no raw envelope " + id + " in this database"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("item", EnvelopeJson.from(envelope));
        Responses.json(res, body);
    }

    private void rawEnvelopes(ServerRequest req, ServerResponse res) {
        int limit = support.limit(req, 20);
        EnvelopeFilter filter = new EnvelopeFilter(status(req).map(EnumSet::of).orElse(EnumSet.noneOf(
                EnvelopeStatus.class)), q(req, "tenant_id"), q(req, "source_type"), q(req, "source_id"),
                q(req, "source_path"));
        Responses.json(res, listing(queries.rawEnvelopes(RequestSupport.database(req), filter, limit).stream()
                .map(EnvelopeJson::from).toList()));
    }

    private void recent(ServerRequest req, ServerResponse res) {
        int limit = support.limit(req, 20);
        EnvelopeFilter filter = EnvelopeFilter.ofStatuses(status(req).map(EnumSet::of)
                .orElse(EnumSet.noneOf(EnvelopeStatus.class)));
        Responses.json(res, listing(queries.rawEnvelopes(RequestSupport.database(req), filter, limit).stream()
                .map(EnvelopeJson::from).toList()));
    }

    private void sources(ServerRequest req, ServerResponse res) {
        int limit = support.limit(req, 10);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("limit", limit);
        body.put("source_summaries", queries.sourceSummaries(RequestSupport.database(req), limit));
        Responses.json(res, body);
    }

    private void sourceStatus(ServerRequest req, ServerResponse res) {
        int limit = support.limit(req, 20);
        SourceFilter filter = new SourceFilter(q(req, "tenant_id"), q(req, "source_type"), q(req, "source_id"),
                q(req, "source_path"));
        Responses.json(res, listing(queries.sourceStatus(RequestSupport.database(req), filter, limit).stream()
                .map(SourceStatusJson::from).toList()));
    }

    /** Lists the statuses for error messages. */
    static List<String> statusNames() {
        return Arrays.stream(EnvelopeStatus.values()).map(EnvelopeStatus::wireName).toList();
    }
}
