package io.brainstem.application.service;

import io.brainstem.application.port.in.IngestEventsUseCase;
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
        IngestPipeline.Batch batch = pipeline.batch(storage, command.threshold());
        List<RawEnvelope> envelopes = storage.rawEnvelopes().receiveAll(command.envelopes(), receivedAt);
        for (int i = 0; i < envelopes.size(); i++) {
            batch.process(envelopes.get(i), outcomes.get(i));
        }
        command.cursor().ifPresent(c -> storage.intakeCursors().save(c.key(), c.position()));
        return batch.flush(envelopes);
    }

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
                : new IngestCommand(command.database(), envelopes, command.threshold(), command.cursor());
    }
}
