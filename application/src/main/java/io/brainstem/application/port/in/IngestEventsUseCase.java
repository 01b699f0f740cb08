package io.brainstem.application.port.in;

import io.brainstem.domain.envelope.EnvelopeContent;
import java.util.List;

/**
 * Ingests one event or a batch: every raw envelope is persisted, canonicalized, its signature updated
 * and candidates re-evaluated — in one transaction, so a returned result means it is on disk.
 */
public interface IngestEventsUseCase {

    int DEFAULT_THRESHOLD = 2;
    int MAX_THRESHOLD = 1_000_000;

    IngestResult ingest(IngestCommand command);

    /**
     * Does the work of {@link #ingest} and returns before the commit is durable, so that a caller feeding
     * batches (syslog intake) can prepare the next one meanwhile. Batches commit in the order they were
     * submitted; {@link Submitted#join()} returns the result once committed, or throws. The default ingests
     * at once.
     */
    default Submitted submit(IngestCommand command) {
        IngestResult result = ingest(command);
        return () -> result;
    }

    /** A submitted batch; {@link #join()} waits for its commit. */
    @FunctionalInterface
    interface Submitted {
        IngestResult join();
    }

    /**
     * @param cursor      when set, the intake position to save in the same transaction (file intake), so the
     *                    envelopes and the position they reach commit together
     * @param idempotency when set, a repeat of this request (same key) is answered from its first result and stores
     *                    nothing (ADR 37)
     */
    record IngestCommand(DatabaseRef database, List<EnvelopeContent> envelopes, int threshold,
            java.util.Optional<Cursor> cursor, java.util.Optional<IdempotencyKey> idempotency) {

        public IngestCommand(DatabaseRef database, List<EnvelopeContent> envelopes, int threshold) {
            this(database, envelopes, threshold, java.util.Optional.empty(), java.util.Optional.empty());
        }

        public IngestCommand(DatabaseRef database, List<EnvelopeContent> envelopes, int threshold,
                java.util.Optional<Cursor> cursor) {
            this(database, envelopes, threshold, cursor, java.util.Optional.empty());
        }

        public IngestCommand {
            cursor = cursor == null ? java.util.Optional.empty() : cursor;
            idempotency = idempotency == null ? java.util.Optional.empty() : idempotency;
            database = database == null ? DatabaseRef.DEFAULT : database;
            if (envelopes == null || envelopes.isEmpty()) {
                throw new InvalidRequestException("empty_batch", "at least one event is required");
            }
            envelopes = List.copyOf(envelopes);
            InvalidRequestException.requireRange("threshold", threshold, 1, MAX_THRESHOLD);
        }

        /** The same request, answered once per {@code key}. */
        public IngestCommand withIdempotency(java.util.Optional<IdempotencyKey> key) {
            return new IngestCommand(database, envelopes, threshold, cursor, key);
        }
    }

    /**
     * A client's name for one request ({@code Idempotency-Key}: 1 to 255 visible ASCII characters) and the fingerprint
     * of what it asked (a hash of the endpoint and body), so that the same key with another body is refused.
     */
    record IdempotencyKey(String key, String fingerprint) {
        public static final int MAX_LENGTH = 255;

        public IdempotencyKey {
            if (key == null || key.isEmpty() || key.length() > MAX_LENGTH
                    || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new InvalidRequestException("invalid_idempotency_key", "Idempotency-Key must be 1 to "
                        + MAX_LENGTH + " visible ASCII characters");
            }
            if (fingerprint == null || fingerprint.isEmpty()) {
                throw new IllegalArgumentException("an idempotency key needs the fingerprint of its request");
            }
        }
    }

    /** The key was used before for a different request: nothing is stored, and the first result stands. */
    final class IdempotencyConflictException extends InvalidRequestException {
        public IdempotencyConflictException(String key) {
            super("idempotency_key_reused", "Idempotency-Key '" + key + "' was used within the last "
                    + io.brainstem.application.port.out.IdempotencyRepository.KEPT_FOR_HOURS
                    + " h for a different request; use a new key for a new request");
        }
    }

    /** An intake position: {@code key} names the source (e.g. path and inode), {@code position} how far. */
    record Cursor(String key, long position) {
        public Cursor {
            if (key == null || key.isBlank() || position < 0) {
                throw new IllegalArgumentException("a cursor needs a key and a non-negative position");
            }
        }
    }

    /**
     * The seed's accounting for one request.
     *
     * @param signatureCount   distinct signatures the request's events matched
     * @param candidateCount   distinct candidates the request created or updated
     * @param interestingItems those candidates, highest score first (at most five)
     * @param signaturesCreated signatures the request's events created (the 0.0.3 accounting)
     * @param candidatesCreated candidates the request created
     * @param events           per envelope, in request order: its id, and for a canonicalized one its signature
     *                         and the candidates it updated
     * @param repeated         the answer to a repeat of an earlier request with the same idempotency key: nothing
     *                         was stored this time
     */
    record IngestResult(String tenantId, int eventCount, int signatureCount, int candidateCount, int parseFailed,
            int unsupported, List<InterestingItem> interestingItems, int signaturesCreated, int candidatesCreated,
            List<EventOutcome> events, boolean repeated) {
        public IngestResult {
            interestingItems = List.copyOf(interestingItems);
            events = List.copyOf(events);
        }

        /** A request's own result ({@code repeated} false). */
        public IngestResult(String tenantId, int eventCount, int signatureCount, int candidateCount, int parseFailed,
                int unsupported, List<InterestingItem> interestingItems, int signaturesCreated, int candidatesCreated,
                List<EventOutcome> events) {
            this(tenantId, eventCount, signatureCount, candidateCount, parseFailed, unsupported, interestingItems,
                    signaturesCreated, candidatesCreated, events, false);
        }
    }

    /** What became of one envelope: {@code signatureId} is null when it was not canonicalized. */
    record EventOutcome(long eventId, String signatureId, List<String> candidateIds) {
        public EventOutcome {
            candidateIds = List.copyOf(candidateIds);
        }
    }
}
