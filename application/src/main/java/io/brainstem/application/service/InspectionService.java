package io.brainstem.application.service;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.InspectionQueries;
import io.brainstem.application.port.in.MemoryQueries;
import io.brainstem.application.port.in.InterestingItem;
import io.brainstem.application.port.out.InspectionReadModel;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The read side, over each database's read model; reads never take the write lock. */
public final class InspectionService implements InspectionQueries {

    private final StorageCatalog catalog;

    public InspectionService(StorageCatalog catalog) {
        this.catalog = catalog;
    }

    private <T> T read(DatabaseRef db, Function<InspectionReadModel, T> query) {
        Storage storage = catalog.openExisting(db);
        return storage.unitOfWork().read(() -> query.apply(storage.inspection()));
    }

    @Override
    public List<InterestingItem> interesting(DatabaseRef db, Optional<String> tenantId, int limit) {
        int read = (int) Math.min(Integer.MAX_VALUE, (long) limit * InterestingItems.READ_PER_ITEM);
        // what a person judged noise, expected or a duplicate stays out until it changes materially (ADR 20)
        MemoryQueries.CandidateSearch live = new MemoryQueries.CandidateSearch(tenantId, java.util.Set.of(),
                java.util.Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
        return InterestingItems.fold(read(db, r -> r.searchCandidates(live, read)), limit);
    }

    @Override
    public List<Candidate> candidates(DatabaseRef db, CandidateFilter filter, int limit) {
        return read(db, r -> r.candidates(filter, limit));
    }

    @Override
    public List<Signature> signatures(DatabaseRef db, SignatureFilter filter, int limit) {
        return read(db, r -> r.signatures(filter, limit));
    }

    @Override
    public List<CanonicalEvent> canonicalEvents(DatabaseRef db, EventFilter filter, int limit) {
        return read(db, r -> r.canonicalEvents(filter, limit));
    }

    @Override
    public Optional<SignatureDetail> signature(DatabaseRef db, SignatureId id) {
        return read(db, r -> r.signature(id).map(s -> new SignatureDetail(s, r.signatureAliases(s.id()),
                s.id().equals(id) ? Optional.empty() : Optional.of(id))));
    }

    @Override
    public List<RawEnvelope> rawEnvelopes(DatabaseRef db, EnvelopeFilter filter, int limit) {
        return read(db, r -> r.rawEnvelopes(filter, limit));
    }

    @Override
    public Optional<RawEnvelope> rawEnvelope(DatabaseRef db, RawEnvelopeId id) {
        Storage storage = catalog.openExisting(db);
        return storage.unitOfWork().read(() -> storage.rawEnvelopes().findById(id));
    }

    @Override
    public Stats stats(DatabaseRef db) {
        Storage storage = catalog.openExisting(db);
        return storage.unitOfWork().read(() -> {
            InspectionReadModel r = storage.inspection();
            Map<EnvelopeStatus, Long> byStatus = r.envelopeCountsByStatus();
            long received = byStatus.values().stream().mapToLong(Long::longValue).sum();
            return new Stats(received, byStatus.getOrDefault(EnvelopeStatus.CANONICALIZED, 0L),
                    byStatus.getOrDefault(EnvelopeStatus.PARSE_FAILED, 0L),
                    byStatus.getOrDefault(EnvelopeStatus.UNSUPPORTED, 0L),
                    byStatus.getOrDefault(EnvelopeStatus.RECEIVED, 0L), r.candidateCount(), r.signatureCount(),
                    r.sourceSummaries(10), storage.rawEnvelopes().oldestReceivedAt());
        });
    }

    @Override
    public Map<String, List<ValueCount>> sourceSummaries(DatabaseRef db, int limit) {
        return read(db, r -> r.sourceSummaries(limit));
    }

    @Override
    public List<SourceStatus> sourceStatus(DatabaseRef db, SourceFilter filter, int limit) {
        return read(db, r -> r.sourceStatus(filter, limit));
    }
}
