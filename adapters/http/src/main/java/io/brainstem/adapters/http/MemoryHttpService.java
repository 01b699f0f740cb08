package io.brainstem.adapters.http;

import io.brainstem.adapters.http.MemoryJson.BulkRequest;
import io.brainstem.adapters.http.MemoryJson.CandidateSearchRequest;
import io.brainstem.adapters.http.MemoryJson.DigestItemJson;
import io.brainstem.adapters.http.MemoryJson.DigestRequest;
import io.brainstem.adapters.http.MemoryJson.EventSearchRequest;
import io.brainstem.adapters.http.MemoryJson.ExplainEvidenceJson;
import io.brainstem.adapters.http.MemoryJson.ExplainRequest;
import io.brainstem.adapters.http.MemoryJson.IncidentJson;
import io.brainstem.adapters.http.MemoryJson.IncidentSearchRequest;
import io.brainstem.adapters.http.MemoryJson.LessonJson;
import io.brainstem.adapters.http.MemoryJson.PromoteRequest;
import io.brainstem.adapters.http.MemoryJson.RelatedCandidateJson;
import io.brainstem.adapters.http.MemoryJson.RelatedIncidentJson;
import io.brainstem.adapters.http.MemoryJson.RelatedRequest;
import io.brainstem.adapters.http.MemoryJson.ReviewJson;
import io.brainstem.adapters.http.MemoryJson.ReviewRequest;
import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.application.port.in.IngestEventsUseCase.EventOutcome;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestResult;
import io.brainstem.application.port.in.MemoryQueries;
import io.brainstem.application.port.in.MemoryQueries.CandidateSearch;
import io.brainstem.application.port.in.MemoryQueries.Digest;
import io.brainstem.application.port.in.MemoryQueries.EventSearch;
import io.brainstem.application.port.in.MemoryQueries.Explanation;
import io.brainstem.application.port.in.MemoryQueries.Page;
import io.brainstem.application.port.in.MemoryQueries.Related;
import io.brainstem.application.port.in.PromoteCandidateUseCase;
import io.brainstem.application.port.in.PromoteCandidateUseCase.PromoteCommand;
import io.brainstem.application.port.in.PromoteCandidateUseCase.Promotion;
import io.brainstem.application.port.in.RecordReviewUseCase;
import io.brainstem.application.port.in.RecordReviewUseCase.ReviewCommand;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.memory.Review;
import io.brainstem.domain.memory.ReviewDecision;
import io.brainstem.domain.memory.SubjectType;
import io.brainstem.domain.candidate.detection.CandidateNarrative;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The operational-memory API at the seed's 0.0.3 paths and shapes (ADR 20): 0.0.3 ingest, search, explain,
 * promote, related history, review and the daily digest. Every endpoint is a POST with a JSON body; the
 * database is the body's {@code db_path} or the query's.
 */
public final class MemoryHttpService implements HttpService {

    static final int DEFAULT_EVENT_LIMIT = 50;
    static final int DEFAULT_LIMIT = 20;
    static final int DEFAULT_RELATED_LIMIT = 10;

    private final IngestEventsUseCase ingest;
    private final PromoteCandidateUseCase promote;
    private final RecordReviewUseCase review;
    private final MemoryQueries memory;
    private final RequestSupport support;
    private final TenantId defaultTenant;

    public MemoryHttpService(IngestEventsUseCase ingest, PromoteCandidateUseCase promote, RecordReviewUseCase review,
            MemoryQueries memory, ApiLimits limits, TenantId defaultTenant) {
        this.ingest = ingest;
        this.promote = promote;
        this.review = review;
        this.memory = memory;
        this.support = new RequestSupport(limits);
        this.defaultTenant = defaultTenant;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/events/ingest", this::ingestOne)
                .post("/events/ingest_bulk", this::ingestBulk)
                .post("/events/search", this::searchEvents)
                .post("/candidates/search", this::searchCandidates)
                .post("/candidates/explain", this::explain)
                .post("/candidates/promote", this::promote)
                .post("/incidents/search", this::searchIncidents)
                .get("/incidents/{incident_memory_id}", this::incident)
                .post("/history/related", this::related)
                .post("/review/record", this::review)
                .post("/digest/daily", this::digest);
    }

    private <T> T body(ServerRequest req, Class<T> type) {
        return support.object(req, type);
    }

    private static DatabaseRef db(ServerRequest req, String fromBody) {
        return RequestSupport.database(req, fromBody);
    }

    private int limit(Integer given, int defaultValue) {
        if (given == null) {
            return defaultValue;
        }
        if (given < 1 || given > support.limits().maxLimit()) {
            throw ApiException.badRequest("invalid_limit", "limit must be between 1 and "
                    + support.limits().maxLimit() + ", was " + given);
        }
        return given;
    }

    private static Optional<Instant> instant(String field, String text) {
        return RequestSupport.instant(field, text);
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static <E extends Enum<E>> E required(String field, String value, Function<String, Optional<E>> parse,
            String allowed) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("missing_" + field, "field '" + field + "' is required: one of " + allowed);
        }
        return parse.apply(value.strip()).orElseThrow(() -> ApiException.badRequest("invalid_" + field,
                "field '" + field + "' must be one of " + allowed + ", was '" + RequestSupport.abbreviate(value)
                        + "'"));
    }

    // ---- ingest in the 0.0.3 shape

    private void ingestOne(ServerRequest req, ServerResponse res) {
        IngestRequests.EventRequest event = body(req, IngestRequests.EventRequest.class);
        IngestResult r = ingest.ingest(RequestSupport.keyed(req, new IngestCommand(RequestSupport.database(req),
                List.of(event.toContent(defaultTenant)), IngestHttpService.threshold(req, null))));
        RequestSupport.markRepeat(res, r);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        EventOutcome o = r.events().getFirst();
        out.put("event_id", o.eventId());
        out.put("signature_id", o.signatureId());
        out.put("candidate_ids", o.candidateIds());
        put05(out, r);
        Responses.json(res, out);
    }

    private void ingestBulk(ServerRequest req, ServerResponse res) {
        BulkRequest bulk = body(req, BulkRequest.class);
        if (bulk.events() == null) {
            throw ApiException.badRequest("missing_events", "field 'events' (a JSON array of events) is required");
        }
        if (bulk.events().isEmpty()) {
            throw ApiException.badRequest("empty_batch", "field 'events' must hold at least one event");
        }
        if (bulk.events().size() > support.limits().maxBatchEvents()) {
            throw ApiException.badRequest("batch_too_large", "a batch holds 1 to "
                    + support.limits().maxBatchEvents() + " events, this one has " + bulk.events().size());
        }
        String label = text(bulk.sourceLabel()).orElse(null);
        List<EnvelopeContent> contents = new ArrayList<>(bulk.events().size());
        for (int i = 0; i < bulk.events().size(); i++) {
            IngestRequests.EventRequest e = bulk.events().get(i);
            if (e == null) {
                throw ApiException.badRequest("invalid_field", "field 'events[" + i + "]' must be an object");
            }
            EnvelopeContent c = e.toContent(defaultTenant);
            contents.add(label == null || c.sourceName() != null ? c : c.withSourceName(label));
        }
        IngestResult r = ingest.ingest(RequestSupport.keyed(req, new IngestCommand(db(req, bulk.dbPath()), contents,
                IngestHttpService.threshold(req, bulk.threshold()))));
        RequestSupport.markRepeat(res, r);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("ingested", r.eventCount());
        out.put("signatures_created", r.signaturesCreated());
        out.put("candidates_created", r.candidatesCreated());
        out.put("source_label", label);
        put05(out, r);
        Responses.json(res, out);
    }

    /** The 0.0.5 accounting beside the 0.0.3 fields. */
    static void put05(Map<String, Object> out, IngestResult r) {
        out.put("tenant_id", r.tenantId());
        out.put("event_count", r.eventCount());
        out.put("signature_count", r.signatureCount());
        out.put("candidate_count", r.candidateCount());
        out.put("parse_failed", r.parseFailed());
        out.put("unsupported", r.unsupported());
        out.put("interesting_items", r.interestingItems().stream().map(CandidateJson::from).toList());
    }

    // ---- search

    private void searchEvents(ServerRequest req, ServerResponse res) {
        EventSearchRequest q = body(req, EventSearchRequest.class);
        Optional<Severity> severity = text(q.severity()).map(s -> Severity.parse(s).orElseThrow(() ->
                ApiException.badRequest("invalid_severity", "severity must be a syslog severity such as err or "
                        + "warning, was '" + RequestSupport.abbreviate(s) + "'")));
        Page<CanonicalEvent> page = memory.searchEvents(db(req, q.dbPath()), new EventSearch(text(q.tenantId()),
                text(q.query()), text(q.host()), text(q.service()), severity, text(q.signatureId()),
                instant("since", q.since()), instant("until", q.until()), text(q.cursor())),
                limit(q.limit(), DEFAULT_EVENT_LIMIT));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("results", page.items().stream().map(InspectionJson.EventJson::from).toList());
        out.put("next_cursor", page.nextCursor().orElse(null));
        Responses.json(res, out);
    }

    private void searchCandidates(ServerRequest req, ServerResponse res) {
        CandidateSearchRequest q = body(req, CandidateSearchRequest.class);
        Set<DecisionBand> bands = EnumSet.noneOf(DecisionBand.class);
        for (String b : q.decisionBand() == null ? List.<String>of() : q.decisionBand()) {
            bands.add(required("decision_band", b, DecisionBand::fromWireName,
                    "ignore, watch, review, urgent_human_review"));
        }
        Set<CandidateType> types = EnumSet.noneOf(CandidateType.class);
        for (String t : q.candidateType() == null ? List.<String>of() : q.candidateType()) {
            types.add(required("candidate_type", t, CandidateType::fromWireName,
                    "recurrence, self_heal, flapping, burst, unrecovered"));
        }
        if (q.minScore() != null && !(q.minScore() >= 0 && q.minScore() <= 1)) {
            throw ApiException.badRequest("invalid_min_score", "min_score must be between 0 and 1");
        }
        List<Candidate> found = memory.searchCandidates(db(req, q.dbPath()), new CandidateSearch(text(q.tenantId()),
                types, bands, text(q.host()), text(q.query()), Optional.ofNullable(q.minScore()),
                instant("updated_since", q.updatedSince()), Boolean.TRUE.equals(q.includeSuppressed())),
                limit(q.limit(), DEFAULT_LIMIT));
        Responses.json(res, Map.of("ok", true, "results", found.stream()
                .map(c -> CandidateJson.from(c, CandidateNarrative.whyItMatters(c))).toList()));
    }

    private void searchIncidents(ServerRequest req, ServerResponse res) {
        IncidentSearchRequest q = body(req, IncidentSearchRequest.class);
        if (q.query() == null || q.query().isBlank()) {
            throw ApiException.badRequest("missing_query", "field 'query' is required");
        }
        Responses.json(res, Map.of("ok", true, "results", memory.searchIncidents(db(req, q.dbPath()),
                text(q.tenantId()), q.query(), limit(q.limit(), DEFAULT_RELATED_LIMIT)).stream()
                .map(IncidentJson::from).toList()));
    }

    private void incident(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("incident_memory_id");
        IncidentJson incident = memory.incident(RequestSupport.database(req), id).map(IncidentJson::from)
                .orElseThrow(() -> ApiException.notFound("no incident " + RequestSupport.abbreviate(id)));
        Responses.json(res, Map.of("ok", true, "incident", incident));
    }

    // ---- explain, promote, review

    private void explain(ServerRequest req, ServerResponse res) {
        ExplainRequest q = body(req, ExplainRequest.class);
        String id = text(q.candidateId()).orElseThrow(() ->
                ApiException.badRequest("missing_candidate_id", "field 'candidate_id' is required"));
        Explanation x = memory.explain(db(req, q.dbPath()), id)
                .orElseThrow(() -> ApiException.notFound("no candidate " + RequestSupport.abbreviate(id)));
        Candidate c = x.candidate();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("candidate", CandidateJson.from(c, x.whyItMatters()));
        out.put("score_breakdown", c.breakdown().asMap());
        out.put("evidence", new ExplainEvidenceJson(c.evidence().eventCount(), c.evidence().signatureIds(),
                x.relatedIncidents().stream().map(i -> i.id().value()).toList(), c.evidence().hosts(),
                c.evidence().firstSeen().toString(), c.evidence().lastSeen().toString(), c.evidence().measures(),
                c.evidence().subject(), x.signatures().stream().map(InspectionJson.SignatureJson::from).toList(),
                x.samples().stream().map(InspectionJson.EventJson::from).toList()));
        out.put("explanation", c.explanation());
        out.put("why_it_matters", x.whyItMatters());
        out.put("reviews", x.reviews().stream().map(ReviewJson::from).toList());
        Responses.json(res, out);
    }

    private void promote(ServerRequest req, ServerResponse res) {
        PromoteRequest q = body(req, PromoteRequest.class);
        Promotion p = promote.promote(new PromoteCommand(db(req, q.dbPath()), q.candidateId(), q.title(), q.summary(),
                q.incidentType(), q.promotedBy()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("incident_memory_id", p.incident().id().value());
        out.put("created", p.created());
        out.put("incident", IncidentJson.from(p.incident()));
        Responses.json(res, out);
    }

    private void review(ServerRequest req, ServerResponse res) {
        ReviewRequest q = body(req, ReviewRequest.class);
        SubjectType type = required("subject_type", q.subjectType(), SubjectType::fromWireName,
                "event, signature, candidate, incident");
        ReviewDecision decision = required("decision", q.decision(), ReviewDecision::fromWireName,
                "useful, noise, expected, duplicate");
        Review r = review.record(new ReviewCommand(db(req, q.dbPath()), text(q.tenantId()), type, q.subjectId(),
                decision, q.notes(), q.reviewer()));
        Responses.json(res, Map.of("ok", true, "review_id", r.id().value(), "review", ReviewJson.from(r)));
    }

    // ---- related history and digest

    private void related(ServerRequest req, ServerResponse res) {
        RelatedRequest q = body(req, RelatedRequest.class);
        SubjectType type = required("subject_type", q.subjectType(), SubjectType::fromWireName,
                "event, signature, candidate, incident");
        String id = text(q.subjectId()).orElseThrow(() ->
                ApiException.badRequest("missing_subject_id", "field 'subject_id' is required"));
        Related r = memory.related(db(req, q.dbPath()), type, id, limit(q.limit(), DEFAULT_RELATED_LIMIT))
                .orElseThrow(() -> ApiException.notFound("no " + type.wireName() + " "
                        + RequestSupport.abbreviate(id)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("subject_type", type.wireName());
        out.put("subject_id", id);
        out.put("related_candidates", r.candidates().stream().map(RelatedCandidateJson::from).toList());
        out.put("related_incidents", r.incidents().stream().map(RelatedIncidentJson::from).toList());
        out.put("related_lessons", r.lessons().stream().map(LessonJson::from).toList());
        Responses.json(res, out);
    }

    private void digest(ServerRequest req, ServerResponse res) {
        DigestRequest q = body(req, DigestRequest.class);
        Digest d = memory.digest(db(req, q.dbPath()), text(q.tenantId()), instant("since", q.since()),
                limit(q.limit(), DEFAULT_RELATED_LIMIT));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("tenant_id", d.tenantId().orElse(null));
        out.put("since", d.since().toString());
        out.put("items", d.items().stream().map(DigestItemJson::from).toList());
        Responses.json(res, out);
    }
}
