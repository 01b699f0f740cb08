package io.brainstem.application.port.out;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stores raw envelopes. Call inside a {@link UnitOfWork}. */
public interface RawEnvelopeRepository {

    /** Stores each content as a new envelope with status {@code received}; ids ascend in list order. */
    List<RawEnvelope> receiveAll(List<EnvelopeContent> contents, Instant receivedAt);

    /** Saves the status, failure reason, parser and attempt count of envelopes already stored. */
    void saveOutcomes(Collection<RawEnvelope> envelopes);

    Optional<RawEnvelope> findById(RawEnvelopeId id);

    /** The envelopes with these ids that exist, in ascending id order. */
    List<RawEnvelope> findByIds(Collection<RawEnvelopeId> ids);

    /**
     * Up to {@code limit} envelopes with id greater than {@code afterId}, ascending, optionally only
     * with one of {@code statuses} (empty = any) and received at or after {@code since} (null = any).
     */
    List<RawEnvelope> findAfter(long afterId, Collection<EnvelopeStatus> statuses, Instant since, int limit);

    /**
     * Retention: deletes up to {@code maxRows} envelopes (and the events made from them) received before
     * {@code cutoff}, oldest ids first, and returns how many it deleted. Signatures, candidates, incidents and
     * reviews are not touched.
     */
    int deleteReceivedBefore(Instant cutoff, int maxRows);

    /** When the oldest envelope still kept was received; empty when there is none. */
    Optional<Instant> oldestReceivedAt();
}
