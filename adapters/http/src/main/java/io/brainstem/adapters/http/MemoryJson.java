package io.brainstem.adapters.http;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.brainstem.application.port.in.MemoryQueries.DigestItem;
import io.brainstem.application.port.in.MemoryQueries.Lesson;
import io.brainstem.application.port.in.MemoryQueries.Ranked;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.memory.Incident;
import io.brainstem.domain.memory.Review;
import java.util.List;
import java.util.Map;

/** Request and response records of the operational-memory endpoints (the seed's 0.0.3 API). */
final class MemoryJson {

    private MemoryJson() {
    }

    // ---- requests

    /** {@code POST /events/ingest_bulk}. */
    record BulkRequest(List<IngestRequests.EventRequest> events, String sourceLabel, Integer threshold,
            String dbPath) {
    }

    record EventSearchRequest(String tenantId, String query, String host, String service, String severity,
            String signatureId, String since, String until, Integer limit, String cursor, String dbPath) {
    }

    record CandidateSearchRequest(String tenantId,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> decisionBand,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> candidateType,
            String host, String query, Double minScore, String updatedSince, Boolean includeSuppressed,
            Integer limit, String dbPath) {
    }

    record ExplainRequest(String candidateId, String dbPath) {
    }

    record PromoteRequest(String candidateId, String title, String summary, String incidentType, String promotedBy,
            String dbPath) {
    }

    record IncidentSearchRequest(String tenantId, String query, Integer limit, String dbPath) {
    }

    record RelatedRequest(String subjectType, String subjectId, Integer limit, String dbPath) {
    }

    record ReviewRequest(String tenantId, String subjectType, String subjectId, String decision, String notes,
            String reviewer, String dbPath) {
    }

    record DigestRequest(String tenantId, String since, Integer limit, String dbPath) {
    }

    // ---- responses

    record IncidentJson(String incidentMemoryId, String tenantId, String candidateId, String candidateType,
            String title, String summary, String incidentType, List<String> signatureIds, List<String> templates,
            List<String> hosts, String subject, String firstSeen, String lastSeen, long eventCount,
            double scoreAtPromotion, String decisionBandAtPromotion, String explanationAtPromotion,
            List<String> sampleMessages, String promotedBy, String promotedAt) {
        static IncidentJson from(Incident i) {
            return new IncidentJson(i.id().value(), i.tenantId().value(), i.candidateId().value(),
                    i.candidateType().wireName(), i.title(), i.summary(), i.incidentType(), i.signatureIds(),
                    i.templates(), i.hosts(), i.subject(), i.atPromotion().firstSeen().toString(),
                    i.atPromotion().lastSeen().toString(), i.atPromotion().eventCount(), i.atPromotion().scoreTotal(),
                    i.bandAtPromotion().wireName(), i.explanationAtPromotion(), i.sampleMessages(), i.promotedBy(),
                    i.promotedAt().toString());
        }
    }

    record ReviewJson(String reviewId, String tenantId, String subjectType, String subjectId, String decision,
            String notes, String reviewer, String recordedAt) {
        static ReviewJson from(Review r) {
            return new ReviewJson(r.id().value(), r.tenantId().value(), r.subjectType().wireName(), r.subjectId(),
                    r.decision().wireName(), r.notes(), r.reviewer(), r.recordedAt().toString());
        }
    }

    record RelatedCandidateJson(String candidateId, String candidateType, String title, String decisionBand,
            double scoreTotal, double score, List<String> why) {
        static RelatedCandidateJson from(Ranked<Candidate> r) {
            Candidate c = r.item();
            return new RelatedCandidateJson(c.id().value(), c.type().wireName(), c.title(),
                    c.decisionBand().wireName(), c.scoreTotal(), r.score(), r.why());
        }
    }

    record RelatedIncidentJson(String incidentMemoryId, String title, String incidentType, String summary,
            String promotedAt, double score, List<String> why) {
        static RelatedIncidentJson from(Ranked<Incident> r) {
            Incident i = r.item();
            return new RelatedIncidentJson(i.id().value(), i.title(), i.incidentType(), i.summary(),
                    i.promotedAt().toString(), r.score(), r.why());
        }
    }

    record LessonJson(String kind, String text, String sourceType, String sourceId, String author, String at,
            String about, double score, List<String> why) {
        static LessonJson from(Ranked<Lesson> r) {
            Lesson l = r.item();
            return new LessonJson(l.kind(), l.text(), l.sourceType(), l.sourceId(), l.author(), l.at().toString(),
                    l.about(), r.score(), r.why());
        }
    }

    record DigestItemJson(String candidateId, String title, String decisionBand, String whyItMatters,
            double scoreTotal, String candidateType, boolean isNew, boolean matchesMemory,
            List<CandidateJson.MemoryMatchJson> memoryMatches, List<CandidateJson.FacetJson> facets) {
        static DigestItemJson from(DigestItem d) {
            Candidate c = d.candidate();
            return new DigestItemJson(c.id().value(), c.title(), c.decisionBand().wireName(), d.whyItMatters(),
                    c.scoreTotal(), c.type().wireName(), d.isNew(), d.matchesMemory(),
                    CandidateJson.MemoryMatchJson.of(c.recollection()),
                    d.facets().stream().map(CandidateJson.FacetJson::from).toList());
        }
    }

    /** {@code evidence} of {@code POST /candidates/explain}: the 0.0.3 fields and what they rest on. */
    record ExplainEvidenceJson(long eventCount, List<String> signatureIds, List<String> relatedIncidents,
            List<String> hosts, String firstSeen, String lastSeen, Map<String, Double> measures, String subject,
            List<InspectionJson.SignatureJson> signatures, List<InspectionJson.EventJson> samples) {
    }
}
