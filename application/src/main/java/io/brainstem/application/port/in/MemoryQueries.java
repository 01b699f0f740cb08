package io.brainstem.application.port.in;

import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.HostName;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.memory.Incident;
import io.brainstem.domain.memory.Review;
import io.brainstem.domain.memory.SubjectType;
import io.brainstem.domain.signature.Signature;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The read side of operational memory: search, explain, related history and the digest. Every query reads one database. */
public interface MemoryQueries {

    int MAX_QUERY_WORDS = 16;

    /** Events matching the search, newest first (by id, that is receipt order), and the cursor of the next page. */
    Page<CanonicalEvent> searchEvents(DatabaseRef db, EventSearch search, int limit);

    /** Candidates matching the search, highest score first. */
    List<Candidate> searchCandidates(DatabaseRef db, CandidateSearch search, int limit);

    Optional<Explanation> explain(DatabaseRef db, String candidateId);

    /** Incidents holding any of the query's words, those holding all first, then by relevance. */
    List<Incident> searchIncidents(DatabaseRef db, Optional<String> tenantId, String query, int limit);

    Optional<Incident> incident(DatabaseRef db, String incidentId);

    /** Related history of a subject; empty when the subject does not exist. */
    Optional<Related> related(DatabaseRef db, SubjectType type, String subjectId, int limit);

    /**
     * What is new or changed since {@code since} (default: 24 hours before now): candidates updated since then,
     * suppressed ones left out, those matching incident memory first, then by score.
     */
    Digest digest(DatabaseRef db, Optional<String> tenantId, Optional<Instant> since, int limit);

    /**
     * {@code query}: words that must all occur in the message (case-insensitive, whole words; a word with dots or
     * colons, such as an address, matches as a phrase). {@code signatureId} matches the signature it resolves to and
     * every id merged into it. {@code since} inclusive, {@code until} exclusive, on the event's own timestamp.
     * {@code cursor}: the {@link Page#nextCursor()} of the previous page.
     */
    record EventSearch(Optional<String> tenantId, Optional<String> query, Optional<String> host,
            Optional<String> service, Optional<Severity> severity, Optional<String> signatureId,
            Optional<Instant> since, Optional<Instant> until, Optional<String> cursor) {
        public EventSearch {
            host = host.map(HostName::normalize);
        }
    }

    /**
     * What the storage adapter answers: {@code words} already split (all must occur), {@code signatureIds} already
     * expanded to a signature family (empty = any), {@code beforeId} from the cursor.
     */
    record EventQuery(Optional<String> tenantId, List<String> words, Optional<String> host, Optional<String> service,
            Optional<Severity> severity, Set<String> signatureIds, Optional<Instant> since, Optional<Instant> until,
            Optional<Long> beforeId) {
        public EventQuery {
            host = host.map(HostName::normalize);
            words = List.copyOf(words);
            signatureIds = Set.copyOf(signatureIds);
        }
    }

    /**
     * Empty sets and fields do not filter. {@code query}: words that must all occur in the title or explanation
     * (case-insensitive substrings). {@code host}: one of the evidence's hosts. {@code updatedSince}: updated at or
     * after. Suppressed candidates are included only when {@code includeSuppressed}.
     */
    record CandidateSearch(Optional<String> tenantId, Set<CandidateType> types, Set<DecisionBand> bands,
            Optional<String> host, Optional<String> query, Optional<Double> minScore, Optional<Instant> updatedSince,
            boolean includeSuppressed) {
        public CandidateSearch {
            host = host.map(HostName::normalize);
            types = Set.copyOf(types);
            bands = Set.copyOf(bands);
        }

        public static CandidateSearch ofTenant(Optional<String> tenantId) {
            return new CandidateSearch(tenantId, Set.of(), Set.of(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), true);
        }
    }

    record Page<T>(List<T> items, Optional<String> nextCursor) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * A candidate with what it rests on: its signatures, a few sample events (those still kept), the incidents it
     * matches and the sentence of why it matters.
     */
    record Explanation(Candidate candidate, List<Signature> signatures, List<CanonicalEvent> samples,
            List<Incident> relatedIncidents, List<Review> reviews, String whyItMatters) {
        public Explanation {
            signatures = List.copyOf(signatures);
            samples = List.copyOf(samples);
            relatedIncidents = List.copyOf(relatedIncidents);
            reviews = List.copyOf(reviews);
        }
    }

    /** Related history, each list best first. */
    record Related(List<Ranked<Candidate>> candidates, List<Ranked<Incident>> incidents, List<Ranked<Lesson>> lessons) {
        public Related {
            candidates = List.copyOf(candidates);
            incidents = List.copyOf(incidents);
            lessons = List.copyOf(lessons);
        }
    }

    /** An item of related history, how strongly it relates (0..1) and why. */
    record Ranked<T>(T item, double score, List<String> why) {
        public Ranked {
            why = List.copyOf(why);
        }
    }

    /**
     * The operators' words: a review's notes or an incident's summary. {@code kind} is {@code review_note} or
     * {@code incident_summary}; {@code sourceType} and {@code sourceId} name the review or incident.
     */
    record Lesson(String kind, String text, String sourceType, String sourceId, String author, Instant at,
            String about) {
    }

    record Digest(Optional<String> tenantId, Instant since, List<DigestItem> items) {
        public Digest {
            items = List.copyOf(items);
        }
    }

    /** One line of the digest; {@code facets} are the other candidates of the same fault (ADR 17). */
    record DigestItem(Candidate candidate, String whyItMatters, boolean matchesMemory, boolean isNew,
            List<Candidate> facets) {
        public DigestItem {
            facets = List.copyOf(facets);
        }
    }
}
