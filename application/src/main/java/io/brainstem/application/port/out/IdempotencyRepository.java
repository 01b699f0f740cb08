package io.brainstem.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an ingest request sent with an {@code Idempotency-Key} did, saved in the same transaction as its envelopes,
 * so that a client retrying a request whose answer it lost is answered from the first result and nothing is stored
 * twice — across restarts and on every node of a shared store. Keys are kept for a day ({@link #KEPT_FOR_HOURS}).
 */
public interface IdempotencyRepository {

    int KEPT_FOR_HOURS = 24;

    /** A remembered request: its key, the fingerprint of its body, when, and what it did. */
    record Remembered(String key, String fingerprint, Instant recordedAt, Receipt receipt) {
    }

    /**
     * The request's result by ids, not by objects: candidates are read again when a repeat is answered, as they are
     * now (their state may have moved on; what the request did — its events, signatures, counts — is fixed).
     */
    record Receipt(String tenantId, int eventCount, int signatureCount, int candidateCount, int parseFailed,
            int unsupported, int signaturesCreated, int candidatesCreated, List<Outcome> events,
            List<Item> interesting) {
        public Receipt {
            events = List.copyOf(events);
            interesting = List.copyOf(interesting);
        }
    }

    /** What became of one envelope (signatureId null when not canonicalized). */
    record Outcome(long eventId, String signatureId, List<String> candidateIds) {
        public Outcome {
            candidateIds = List.copyOf(candidateIds);
        }
    }

    /** One interesting item: its candidate, why it matters, and its facets' candidates. */
    record Item(String candidateId, String whyItMatters, List<String> facetIds) {
        public Item {
            facetIds = List.copyOf(facetIds);
        }
    }

    Optional<Remembered> find(String key);

    /** Saved with the unit of work it is called in. */
    void remember(Remembered remembered);

    /** Forgets keys recorded before {@code cutoff}, with the unit of work it is called in. */
    void forgetBefore(Instant cutoff);
}
