package io.brainstem.application.service;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestResult;
import io.brainstem.application.port.in.ReplayRawEnvelopesUseCase;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/** Replays stored envelopes through the ingest pipeline (shared with {@link IngestService}). */
public final class ReplayService implements ReplayRawEnvelopesUseCase {

    static final int PAGE = 500;

    private final StorageCatalog catalog;
    private final IngestPipeline pipeline;

    /** Shares the pipeline — and so the per-tenant state — of the ingest service. */
    public ReplayService(StorageCatalog catalog, IngestService ingest) {
        this.catalog = catalog;
        this.pipeline = ingest.pipeline();
    }

    @Override
    public ReplayResult replay(ReplayCommand command) {
        Storage storage = catalog.openExisting(command.database()); // replay never creates a database
        List<Long> requested = command.rawEnvelopeIds();
        return pipeline.inTransaction(storage, () -> {
            List<RawEnvelopeId> ids = requested.stream().distinct().map(RawEnvelopeId::new).toList();
            Map<Long, RawEnvelope> found = new LinkedHashMap<>();
            storage.rawEnvelopes().findByIds(ids).forEach(e -> found.put(e.id().value(), e));
            List<RawEnvelope> attempt = new ArrayList<>();
            List<Skipped> skipped = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (Long id : requested) {
                if (!seen.add(id)) {
                    continue;
                }
                RawEnvelope envelope = found.get(id);
                if (envelope == null) {
                    skipped.add(new Skipped(id, "not_found", null));
                } else if (!envelope.isReplayable(command.allowedStatuses(), command.force())) {
                    skipped.add(new Skipped(id, "not_replayable", envelope.status().wireName()));
                } else {
                    attempt.add(envelope);
                }
            }
            IngestResult r = reprocessAll(storage, attempt, command.threshold()).flush(attempt);
            return new ReplayResult(catalog.describe(command.database()), requested,
                    attempt.stream().map(e -> e.id().value()).toList(), skipped, r.eventCount(), r.signatureCount(),
                    r.candidateCount(), r.parseFailed(), r.unsupported());
        });
    }

    @Override
    public ReplayResult replayMatching(DatabaseRef database, Set<EnvelopeStatus> statuses, Instant since,
            int threshold, LongConsumer progress) {
        Storage storage = catalog.openExisting(database); // replay never creates a database
        long after = 0;
        long done = 0;
        int events = 0;
        int failed = 0;
        int unsupported = 0;
        Set<String> signatures = new HashSet<>();
        Set<String> candidates = new HashSet<>();
        List<Long> attempted = new ArrayList<>();
        while (true) {
            long cursor = after;
            List<RawEnvelope> page = storage.unitOfWork().read(() ->
                    storage.rawEnvelopes().findAfter(cursor, statuses, since, PAGE));
            if (page.isEmpty()) {
                break;
            }
            IngestResult r = pipeline.inTransaction(storage, () -> {
                List<RawEnvelope> fresh = storage.rawEnvelopes().findByIds(page.stream().map(RawEnvelope::id)
                        .toList()).stream().filter(e -> statuses.isEmpty() || statuses.contains(e.status()))
                        .toList();
                IngestPipeline.Batch batch = reprocessAll(storage, fresh, threshold);
                IngestResult result = batch.flush(fresh);
                signatures.addAll(batch.touchedSignatureIds());
                candidates.addAll(batch.touchedCandidateIds());
                return result;
            });
            events += r.eventCount();
            failed += r.parseFailed();
            unsupported += r.unsupported();
            if (attempted.size() < ReplayRawEnvelopesUseCase.MAX_IDS) {
                page.stream().limit(ReplayRawEnvelopesUseCase.MAX_IDS - attempted.size())
                        .forEach(e -> attempted.add(e.id().value()));
            }
            after = page.getLast().id().value();
            done += page.size();
            progress.accept(done);
        }
        return new ReplayResult(catalog.describe(database), List.of(), attempted, List.of(), events,
                signatures.size(), candidates.size(), failed, unsupported);
    }

    /** Runs stored envelopes through the pipeline again; the caller flushes the batch. */
    private IngestPipeline.Batch reprocessAll(Storage storage, List<RawEnvelope> envelopes, int threshold) {
        IngestPipeline.Batch batch = pipeline.batch(storage, threshold);
        envelopes.forEach(batch::reprocess);
        return batch;
    }
}
