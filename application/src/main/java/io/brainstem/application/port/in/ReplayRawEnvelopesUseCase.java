package io.brainstem.application.port.in;

import io.brainstem.domain.envelope.EnvelopeStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Re-runs stored raw envelopes through today's parser, miner and detector — the same pipeline as ingest.
 * Envelopes are never lost or duplicated: a replay updates the envelope and replaces its canonical event.
 */
public interface ReplayRawEnvelopesUseCase {

    /** Statuses replayed when a request names none: everything not yet canonicalized. */
    Set<EnvelopeStatus> DEFAULT_ALLOWED = EnumSet.of(EnvelopeStatus.RECEIVED, EnvelopeStatus.PARSE_FAILED,
            EnvelopeStatus.UNSUPPORTED);
    int MAX_IDS = 10_000;

    ReplayResult replay(ReplayCommand command);

    /**
     * Replays every stored envelope with one of {@code statuses} received at or after {@code since}
     * (null = any time), in id order and in batches; {@code progress} hears the running count.
     */
    ReplayResult replayMatching(DatabaseRef database, Set<EnvelopeStatus> statuses, Instant since, int threshold,
            LongConsumer progress);

    record ReplayCommand(DatabaseRef database, List<Long> rawEnvelopeIds, Set<EnvelopeStatus> allowedStatuses,
            boolean force, int threshold) {
        public ReplayCommand {
            database = database == null ? DatabaseRef.DEFAULT : database;
            if (rawEnvelopeIds == null || rawEnvelopeIds.isEmpty()) {
                throw new InvalidRequestException("missing_raw_envelope_ids",
                        "raw_envelope_ids must list at least one id");
            }
            if (rawEnvelopeIds.size() > MAX_IDS) {
                throw new InvalidRequestException("too_many_ids", "at most " + MAX_IDS + " ids per replay");
            }
            for (Long id : rawEnvelopeIds) {
                if (id == null || id < 1) {
                    throw new InvalidRequestException("invalid_raw_envelope_id",
                            "raw_envelope_ids must be positive integers");
                }
            }
            rawEnvelopeIds = List.copyOf(rawEnvelopeIds);
            allowedStatuses = allowedStatuses == null || allowedStatuses.isEmpty() ? DEFAULT_ALLOWED
                    : Set.copyOf(allowedStatuses);
            InvalidRequestException.requireRange("threshold", threshold, 1, IngestEventsUseCase.MAX_THRESHOLD);
        }
    }

    /** Why an envelope was not replayed. */
    record Skipped(long rawEnvelopeId, String reason, String status) {
    }

    record ReplayResult(String database, List<Long> requested, List<Long> attempted, List<Skipped> skipped,
            int eventCount, int signatureCount, int candidateCount, int parseFailed, int unsupported) {
        public ReplayResult {
            requested = List.copyOf(requested);
            attempted = List.copyOf(attempted);
            skipped = List.copyOf(skipped);
        }
    }
}
