package io.brainstem.application.port.in;

import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.HostName;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The read side: what operators and dashboards inspect. Every query reads one database. */
public interface InspectionQueries {

    List<InterestingItem> interesting(DatabaseRef db, Optional<String> tenantId, int limit);

    List<Candidate> candidates(DatabaseRef db, CandidateFilter filter, int limit);

    List<Signature> signatures(DatabaseRef db, SignatureFilter filter, int limit);

    List<CanonicalEvent> canonicalEvents(DatabaseRef db, EventFilter filter, int limit);

    /** One signature by id; an id merged into another gives the survivor (ADR 16). */
    Optional<SignatureDetail> signature(DatabaseRef db, SignatureId id);

    /** Raw envelopes newest first. */
    List<RawEnvelope> rawEnvelopes(DatabaseRef db, EnvelopeFilter filter, int limit);

    Optional<RawEnvelope> rawEnvelope(DatabaseRef db, RawEnvelopeId id);

    Stats stats(DatabaseRef db);

    /** For each source dimension, its most frequent values with envelope counts. */
    Map<String, List<ValueCount>> sourceSummaries(DatabaseRef db, int limit);

    List<SourceStatus> sourceStatus(DatabaseRef db, SourceFilter filter, int limit);

    /** Filters of {@code GET /candidates}; empty fields do not filter. */
    record CandidateFilter(Optional<String> tenantId, Optional<CandidateType> type, Optional<DecisionBand> band,
            Optional<Double> minScoreTotal) {
        public static final CandidateFilter NONE = new CandidateFilter(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    record SignatureFilter(Optional<String> tenantId, Optional<EventFamily> eventFamily, Optional<String> service,
            Optional<Long> minOccurrenceCount) {
        public static final SignatureFilter NONE = new SignatureFilter(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** {@code source} matches the source_id, source_type or source_path; {@code host} in any spelling (HostName). */
    record EventFilter(Optional<String> tenantId, Optional<String> source, Optional<String> host,
            Optional<String> service, Optional<Severity> severity, Optional<String> signatureId) {
        public EventFilter {
            host = host.map(HostName::normalize);
        }

        public static final EventFilter NONE = new EventFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Statuses empty = any status. */
    record EnvelopeFilter(Set<EnvelopeStatus> statuses, Optional<String> tenantId, Optional<String> sourceType,
            Optional<String> sourceId, Optional<String> sourcePath) {
        public EnvelopeFilter {
            statuses = Set.copyOf(statuses);
        }

        public static EnvelopeFilter ofStatuses(Set<EnvelopeStatus> statuses) {
            return new EnvelopeFilter(statuses, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
    }

    record SourceFilter(Optional<String> tenantId, Optional<String> sourceType, Optional<String> sourceId,
            Optional<String> sourcePath) {
    }

    /**
     * A live signature, the ids merged into it ({@code mergedFrom}, sorted), and the id it was asked by when that
     * was one of them ({@code resolvedFrom}).
     */
    record SignatureDetail(Signature signature, List<SignatureId> mergedFrom, Optional<SignatureId> resolvedFrom) {
        public SignatureDetail {
            mergedFrom = List.copyOf(mergedFrom);
        }
    }

    record ValueCount(String value, long count) {
    }

    record Stats(long received, long canonicalized, long parseFailed, long unsupported, long pending,
            long candidatesGenerated, long signatures, Map<String, List<ValueCount>> sourceSummaries,
            Optional<Instant> oldestReceivedAt) {
    }

    record SourceStatus(String tenantId, String sourceType, String sourceId, String sourcePath, long rawCount,
            long canonicalizedCount, long parseFailedCount, long unsupportedCount, Instant lastReceivedAt) {
        public long failedCount() {
            return parseFailedCount + unsupportedCount;
        }
    }
}
