package io.brainstem.application.port.out;

import io.brainstem.application.port.in.InspectionQueries.CandidateFilter;
import io.brainstem.application.port.in.InspectionQueries.EnvelopeFilter;
import io.brainstem.application.port.in.InspectionQueries.EventFilter;
import io.brainstem.application.port.in.InspectionQueries.SignatureFilter;
import io.brainstem.application.port.in.InspectionQueries.SourceFilter;
import io.brainstem.application.port.in.InspectionQueries.SourceStatus;
import io.brainstem.application.port.in.InspectionQueries.ValueCount;
import io.brainstem.application.port.in.MemoryQueries.CandidateSearch;
import io.brainstem.application.port.in.MemoryQueries.EventQuery;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.signature.Signature;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.brainstem.domain.signature.SignatureId;

/** Queries for inspection, answered by the storage adapter. Call inside {@link UnitOfWork#read}. */
public interface InspectionReadModel {

    /** The source dimensions summarized by {@link #sourceSummaries}. */
    List<String> SOURCE_DIMENSIONS = List.of("tenant_id", "source_type", "source_id", "source_name", "source_path",
            "host");

    /** Highest score first. */
    List<Candidate> candidates(CandidateFilter filter, int limit);

    /** Highest score first, then id. */
    List<Candidate> searchCandidates(CandidateSearch search, int limit);

    /** Canonical events matching the query, highest id (newest) first. */
    List<CanonicalEvent> searchEvents(EventQuery query, int limit);

    /** Most occurrences first. */
    List<Signature> signatures(SignatureFilter filter, int limit);

    /**
     * Newest first. A signature id filter matches the events of the signature it resolves to and of every id
     * merged into that one (ADR 16).
     */
    List<CanonicalEvent> canonicalEvents(EventFilter filter, int limit);

    /** The signature with this id, or its survivor when {@code id} was merged into another (any tenant). */
    Optional<Signature> signature(SignatureId id);

    /** The ids merged into the live signature {@code survivor}, sorted. */
    List<SignatureId> signatureAliases(SignatureId survivor);

    /** Newest first. */
    List<RawEnvelope> rawEnvelopes(EnvelopeFilter filter, int limit);

    Map<EnvelopeStatus, Long> envelopeCountsByStatus();

    long candidateCount();

    long signatureCount();

    /** Per dimension of {@link #SOURCE_DIMENSIONS}, the most frequent values (by envelope count). */
    Map<String, List<ValueCount>> sourceSummaries(int limit);

    /** One row per (tenant, source type, source id, source path), most envelopes first. */
    List<SourceStatus> sourceStatus(SourceFilter filter, int limit);
}
