package io.brainstem.application.service;

import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.application.port.in.InterestingItem;
import io.brainstem.application.port.out.IdempotencyRepository;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import io.brainstem.application.port.out.IngestTelemetry;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.UnitOfWork;
import io.brainstem.domain.signature.TemplateMiners;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.MinerSettings;
import java.time.Clock;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.MessageCap;
import io.brainstem.domain.event.ParseOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.TemplateMiner;

/**
 * Ingest, shared by HTTP, syslog and file intake: persist every envelope first, then canonicalize, mine
 * and detect — all in one transaction per request. Requests' commits may overlap the next request's work
 * (ADR 13). Every message is held to the {@link MessageCap} first, whatever way it came in (ADR 26).
 */
public final class IngestService implements IngestEventsUseCase {

    private final StorageCatalog catalog;
    private final IngestPipeline pipeline;
    private final MessageCap messageCap;
    private final LongAdder messagesTruncated = new LongAdder();

    public IngestService(StorageCatalog catalog, Canonicalizer canonicalizer, MinerSettings minerSettings,
            Clock clock) {
        this(catalog, canonicalizer, minerSettings, MessageCap.DEFAULT, clock, IngestTelemetry.NONE);
    }

    /** With messages held to {@code messageCap} instead of the default 64 KiB. */
    public IngestService(StorageCatalog catalog, Canonicalizer canonicalizer, MinerSettings minerSettings,
            MessageCap messageCap, Clock clock) {
        this(catalog, canonicalizer, minerSettings, messageCap, clock, IngestTelemetry.NONE);
    }

    /** Reporting what it ingests, and the signatures and candidates it holds, to {@code telemetry}. */
    public IngestService(StorageCatalog catalog, Canonicalizer canonicalizer, MinerSettings minerSettings,
            Clock clock, IngestTelemetry telemetry) {
        this(catalog, canonicalizer, minerSettings, MessageCap.DEFAULT, clock, telemetry);
    }

    /** With both a message cap and telemetry: what {@code serve} runs. */
    public IngestService(StorageCatalog catalog, Canonicalizer canonicalizer, MinerSettings minerSettings,
            MessageCap messageCap, Clock clock, IngestTelemetry telemetry) {
        this(catalog, new IngestPipeline(canonicalizer, minerSettings,
                tenant -> TemplateMiners.create(tenant, minerSettings), clock, telemetry), messageCap);
    }

    /** With each tenant's template miner made by {@code miners} instead of the default one. */
    public IngestService(StorageCatalog catalog, Canonicalizer canonicalizer, MinerSettings minerSettings,
            Function<TenantId, TemplateMiner> miners, Clock clock) {
        this(catalog, canonicalizer, minerSettings, miners, clock, IngestTelemetry.NONE);
    }

    public IngestService(StorageCatalog catalog, Canonicalizer canonicalizer, MinerSettings minerSettings,
            Function<TenantId, TemplateMiner> miners, Clock clock, IngestTelemetry telemetry) {
        this(catalog, new IngestPipeline(canonicalizer, minerSettings, miners, clock, telemetry), MessageCap.DEFAULT);
    }

    IngestService(StorageCatalog catalog, IngestPipeline pipeline, MessageCap messageCap) {
        this.catalog = catalog;
        this.pipeline = pipeline;
        this.messageCap = messageCap;
        catalog.onClose(pipeline::forget); // a database closed while idle is loaded afresh when it is used again
    }

    /** Envelopes stored with their message cut, by the cap or by the adapter they came through, since start. */
    public long messagesTruncated() {
        return messagesTruncated.sum();
    }

    /** The pipeline, to share its per-tenant state with replay. */
    IngestPipeline pipeline() {
        return pipeline;
    }

    /** Where an intake stands in a source, as last committed (see {@link IngestCommand#cursor()}). */
    public java.util.Optional<Long> cursorPosition(io.brainstem.application.port.in.DatabaseRef db, String key) {
        Storage storage = catalog.open(db);
        return storage.unitOfWork().read(() -> storage.intakeCursors().position(key));
    }

    @Override
    public IngestResult ingest(IngestCommand command) {
        return submit(command).join();
    }

    @Override
    public Submitted submit(IngestCommand given) {
        IngestCommand command = capped(given);
        Storage storage = catalog.open(command.database());
        if (command.idempotency().isPresent()) {
            return idempotent(storage, command);
        }
        return submit(storage, command);
    }

    /**
     * A request with an idempotency key (ADR 37): answered from its first result when that is committed; while the
     * first is still in flight on this node, a repeat waits for it; otherwise it runs, and its receipt is saved with
     * its envelopes (and checked again inside the transaction, for a repeat that reached another node first).
     */
    private Submitted idempotent(Storage storage, IngestCommand command) {
        IdempotencyKey key = command.idempotency().get();
        String slot = storage.describe() + "\u0000" + key.key();
        Optional<IngestResult> known = storage.unitOfWork().read(() -> repeatOf(storage, key));
        if (known.isPresent()) {
            return known::get;
        }
        InFlight mine = new InFlight(key.fingerprint(), new CompletableFuture<>());
        InFlight first = inFlight.putIfAbsent(slot, mine);
        if (first != null) {
            if (!first.fingerprint().equals(key.fingerprint())) {
                throw new IdempotencyConflictException(key.key());
            }
            return () -> asRepeat(first.result().join());
        }
        try {
            Submitted submitted = submit(storage, command);
            return () -> {
                try {
                    IngestResult result = submitted.join();
                    mine.result().complete(result);
                    return result;
                } catch (RuntimeException e) {
                    mine.result().completeExceptionally(e);
                    throw e;
                } finally {
                    inFlight.remove(slot, mine);
                }
            };
        } catch (RuntimeException e) {
            mine.result().completeExceptionally(e);
            inFlight.remove(slot, mine);
            throw e;
        }
    }

    /** A request of this node with a key, not yet committed; a repeat that arrives meanwhile waits for it. */
    private record InFlight(String fingerprint, CompletableFuture<IngestResult> result) {
    }

    private static IngestResult asRepeat(IngestResult r) {
        return r.repeated() ? r : new IngestResult(r.tenantId(), r.eventCount(), r.signatureCount(),
                r.candidateCount(), r.parseFailed(), r.unsupported(), r.interestingItems(), r.signaturesCreated(),
                r.candidatesCreated(), r.events(), true);
    }

    /** The first result of {@code key}, rebuilt from its receipt; a conflict if the key named another request. */
    private static Optional<IngestResult> repeatOf(Storage storage, IdempotencyKey key) {
        Optional<IdempotencyRepository.Remembered> remembered = storage.idempotency().find(key.key());
        if (remembered.isEmpty()) {
            return Optional.empty();
        }
        if (!remembered.get().fingerprint().equals(key.fingerprint())) {
            throw new IdempotencyConflictException(key.key());
        }
        IdempotencyRepository.Receipt r = remembered.get().receipt();
        List<InterestingItem> items = new ArrayList<>(r.interesting().size());
        for (IdempotencyRepository.Item item : r.interesting()) {
            Optional<Candidate> candidate = storage.candidates().findById(new CandidateId(item.candidateId()));
            if (candidate.isPresent()) {
                items.add(new InterestingItem(candidate.get(), item.whyItMatters(), item.facetIds().stream()
                        .map(id -> storage.candidates().findById(new CandidateId(id)))
                        .flatMap(Optional::stream).toList()));
            }
        }
        List<EventOutcome> events = r.events().stream()
                .map(o -> new EventOutcome(o.eventId(), o.signatureId(), o.candidateIds())).toList();
        return Optional.of(new IngestResult(r.tenantId(), r.eventCount(), r.signatureCount(), r.candidateCount(),
                r.parseFailed(), r.unsupported(), items, r.signaturesCreated(), r.candidatesCreated(), events, true));
    }

    private static IdempotencyRepository.Receipt receipt(IngestResult r) {
        return new IdempotencyRepository.Receipt(r.tenantId(), r.eventCount(), r.signatureCount(),
                r.candidateCount(), r.parseFailed(), r.unsupported(), r.signaturesCreated(), r.candidatesCreated(),
                r.events().stream().map(e -> new IdempotencyRepository.Outcome(e.eventId(), e.signatureId(),
                        e.candidateIds())).toList(),
                r.interestingItems().stream().map(i -> new IdempotencyRepository.Item(i.candidate().id().value(),
                        i.whyItMatters(), i.facets().stream().map(f -> f.id().value()).toList())).toList());
    }

    private Submitted submit(Storage storage, IngestCommand command) {
        // Parsing needs no shared state: it runs here, on the request's thread, outside the write lock.
        Instant receivedAt = pipeline.clock().instant();
        List<ParseOutcome> outcomes = new ArrayList<>(command.envelopes().size());
        for (EnvelopeContent content : command.envelopes()) {
            outcomes.add(pipeline.canonicalize(content, receivedAt));
        }
        OutcomeTally tally = OutcomeTally.of(command.envelopes(), outcomes);
        tally.reportReceived(pipeline.telemetry());
        // the work may run a second time (UnitOfWork#writeAhead): it starts from the command and outcomes only
        UnitOfWork.Commit<IngestResult> commit;
        try {
            commit = pipeline.inTransactionAhead(storage, () -> work(storage, command, receivedAt, outcomes));
        } catch (RuntimeException e) {
            tally.reportFailed(pipeline.telemetry());
            throw e;
        }
        return () -> {
            IngestResult result;
            try {
                result = commit.join();
            } catch (RuntimeException e) {
                tally.reportFailed(pipeline.telemetry());
                throw e;
            }
            tally.reportStored(pipeline.telemetry());
            return result;
        };
    }

    private IngestResult work(Storage storage, IngestCommand command, Instant receivedAt, List<ParseOutcome> outcomes) {
        if (command.idempotency().isPresent()) {
            Optional<IngestResult> first = repeatOf(storage, command.idempotency().get());
            if (first.isPresent()) {
                return first.get(); // another node (or a request before a restart) committed it meanwhile
            }
        }
        IngestPipeline.Batch batch = pipeline.batch(storage, command.threshold());
        List<RawEnvelope> envelopes = storage.rawEnvelopes().receiveAll(command.envelopes(), receivedAt);
        for (int i = 0; i < envelopes.size(); i++) {
            batch.process(envelopes.get(i), outcomes.get(i));
        }
        command.cursor().ifPresent(c -> storage.intakeCursors().save(c.key(), c.position()));
        IngestResult result = batch.flush(envelopes);
        command.idempotency().ifPresent(k -> {
            storage.idempotency().remember(new IdempotencyRepository.Remembered(k.key(), k.fingerprint(),
                    receivedAt, receipt(result)));
            if (forgetCountdown.decrementAndGet() <= 0) {
                forgetCountdown.set(FORGET_EVERY);
                storage.idempotency().forgetBefore(receivedAt.minus(
                        java.time.Duration.ofHours(IdempotencyRepository.KEPT_FOR_HOURS)));
            }
        });
        return result;
    }

    /** Expired keys are forgotten every this many keyed requests, in their transaction (an indexed range delete). */
    private static final int FORGET_EVERY = 256;
    private final java.util.concurrent.atomic.AtomicInteger forgetCountdown =
            new java.util.concurrent.atomic.AtomicInteger(1);
    private final java.util.concurrent.ConcurrentHashMap<String, InFlight> inFlight =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The command with every message held to the cap; the same command when nothing was cut. */
    private IngestCommand capped(IngestCommand command) {
        List<EnvelopeContent> envelopes = null;
        for (int i = 0; i < command.envelopes().size(); i++) {
            EnvelopeContent content = command.envelopes().get(i);
            EnvelopeContent held = messageCap.apply(content);
            if (MessageCap.isTruncated(held)) {
                messagesTruncated.increment();
            }
            if (held != content && envelopes == null) {
                envelopes = new ArrayList<>(command.envelopes());
            }
            if (envelopes != null) {
                envelopes.set(i, held);
            }
        }
        return envelopes == null ? command
                : new IngestCommand(command.database(), envelopes, command.threshold(), command.cursor(),
                        command.idempotency());
    }
}
