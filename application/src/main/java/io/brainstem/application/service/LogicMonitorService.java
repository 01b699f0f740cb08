package io.brainstem.application.service;

import io.brainstem.application.port.in.IngestEventsUseCase.IngestResult;
import io.brainstem.application.port.in.IngestLogicMonitorAlertUseCase;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase;
import io.brainstem.application.port.out.LogicMonitorPortal;
import io.brainstem.application.port.out.LogicMonitorPortal.AlertPage;
import io.brainstem.application.port.out.PortalException;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.domain.alert.AlertChange;
import io.brainstem.domain.alert.AlertHistory;
import io.brainstem.domain.alert.AlertReport;
import io.brainstem.domain.alert.SyncCursor;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The LogicMonitor connector (ADR 25): pushed alerts and alerts synced from the portal go through the ingest
 * pipeline (shared with {@link IngestService}) after their alert history said what they add. The history, the
 * events and the per-alert decision are one transaction; syncs run one at a time.
 */
public final class LogicMonitorService implements IngestLogicMonitorAlertUseCase, SyncLogicMonitorAlertsUseCase {

    public static final String SYNC_SOURCE_PATH = "/connectors/logicmonitor/sync";
    /** LogicMonitor serves at most this many alerts of one query (offset + size); beyond, the window moves on. */
    static final int MAX_RESULTS_PER_QUERY = 10_000;

    private final StorageCatalog catalog;
    private final IngestPipeline pipeline;
    private final LogicMonitorPortal portal;
    private final Clock clock;
    private final int pageSize;
    private final int maxResultsPerQuery;
    private final ReentrantLock syncLock = new ReentrantLock();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong alertsSynced = new AtomicLong();
    private volatile Optional<Duration> interval = Optional.empty();
    private volatile Optional<Instant> nextRunAt = Optional.empty();
    private volatile Optional<Instant> lastRunAt = Optional.empty();
    private volatile Optional<String> lastError = Optional.empty();
    private volatile Optional<SyncResult> lastResult = Optional.empty();

    /** Shares the pipeline — and so the per-tenant state — of the ingest service. */
    public LogicMonitorService(StorageCatalog catalog, IngestService ingest, LogicMonitorPortal portal, Clock clock) {
        this(catalog, ingest, portal, clock, LogicMonitorPortal.MAX_PAGE_SIZE, MAX_RESULTS_PER_QUERY);
    }

    /** With smaller pages and query limits, for tests of paging. */
    LogicMonitorService(StorageCatalog catalog, IngestService ingest, LogicMonitorPortal portal, Clock clock,
            int pageSize, int maxResultsPerQuery) {
        this.catalog = catalog;
        this.pipeline = ingest.pipeline();
        this.portal = portal;
        this.clock = clock;
        this.pageSize = pageSize;
        this.maxResultsPerQuery = maxResultsPerQuery;
    }

    @Override
    public AlertOutcome ingest(AlertCommand command) {
        Storage storage = catalog.open(command.database());
        return deliver(storage, command.tenant(), List.of(command.alert()), command.sourcePath(),
                command.threshold()).outcomes().getFirst();
    }

    @Override
    public SyncResult sync(SyncCommand command) {
        syncLock.lock();
        try {
            SyncResult result = runSync(command);
            lastResult = Optional.of(result);
            lastError = Optional.empty();
            alertsSynced.addAndGet(result.ingested());
            return result;
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            lastError = Optional.of(String.valueOf(e.getMessage()));
            throw e;
        } finally {
            runs.incrementAndGet();
            lastRunAt = Optional.of(clock.instant());
            syncLock.unlock();
        }
    }

    /** Told by the scheduler: the interval of the background sync and when it runs next. */
    public void scheduled(Duration every, Instant next) {
        interval = Optional.of(every);
        nextRunAt = Optional.of(next);
    }

    @Override
    public SyncStatus status() {
        return new SyncStatus(portal.configured(), portal.name(), interval, lastRunAt, nextRunAt, lastError,
                runs.get(), failures.get(), alertsSynced.get(), lastResult);
    }

    private SyncResult runSync(SyncCommand command) {
        Storage storage = catalog.open(command.database());
        TenantId tenant = command.tenant();
        String name = portal.name();
        Optional<SyncCursor> cursor = storage.unitOfWork().read(() -> storage.alertSync().cursor(name, tenant));
        Instant from = cursor.map(SyncCursor::resumeFrom)
                .orElseGet(() -> clock.instant().minus(FIRST_SYNC_LOOKBACK));
        if (command.since().isPresent()) {
            Instant since = command.since().get();
            from = cursor.isEmpty() || since.isAfter(from) ? since : from;
        }
        Tally tally = new Tally();
        Instant window = from;
        int offset = 0;
        while (true) {
            AlertPage page = portal.alerts(window, offset, pageSize);
            tally.page(page);
            if (!page.alerts().isEmpty()) {
                tally.add(deliver(storage, tenant, page.alerts(), SYNC_SOURCE_PATH, command.threshold()));
            }
            int served = page.alerts().size() + page.skipped();
            offset += served;
            if (served < pageSize || offset >= page.total()) {
                break;
            }
            if (offset + pageSize > maxResultsPerQuery) {
                Instant last = page.alerts().isEmpty() ? window : page.alerts().getLast().startedAt();
                if (!last.isAfter(window)) {
                    throw new PortalException(PortalException.Reason.REJECTED, "more than "
                            + maxResultsPerQuery + " alerts started at " + window
                            + ": the portal cannot page beyond them");
                }
                window = last; // the alerts of that second come again, and are unchanged
                offset = 0;
            }
        }
        SyncCursor next = SyncCursor.after(name, tenant, from, tally.newest, tally.oldestActive(), clock.instant());
        storage.unitOfWork().write(() -> {
            storage.alertSync().saveCursor(next);
            return null;
        });
        return new SyncResult(name, tenant.value(), from, tally.fetched, tally.raised + tally.cleared, tally.raised,
                tally.cleared, tally.unchanged, tally.skipped, tally.signaturesCreated, tally.candidatesCreated,
                tally.requests, next.resumeFrom());
    }

    /** What one sync has seen so far. */
    private static final class Tally {
        int fetched;
        int raised;
        int cleared;
        int unchanged;
        int skipped;
        int signaturesCreated;
        int candidatesCreated;
        int requests;
        Instant newest;
        final Map<String, Instant> active = new HashMap<>();

        void page(AlertPage page) {
            requests += page.requests();
            skipped += page.skipped();
            fetched += page.alerts().size();
            for (AlertReport a : page.alerts()) {
                newest = newest == null || a.startedAt().isAfter(newest) ? a.startedAt() : newest;
                if (a.cleared()) {
                    active.remove(a.alertId());
                } else {
                    active.put(a.alertId(), a.startedAt());
                }
            }
        }

        void add(Delivery d) {
            for (AlertOutcome o : d.outcomes()) {
                switch (o.change()) {
                    case RAISED, RAISED_AND_CLEARED -> raised++;
                    case CLEARED -> cleared++;
                    case UNCHANGED -> unchanged++;
                }
            }
            signaturesCreated += d.accounting().signaturesCreated();
            candidatesCreated += d.accounting().candidatesCreated();
        }

        Instant oldestActive() {
            return active.values().stream().min(Instant::compareTo).orElse(null);
        }
    }

    /** What a list of alert reports became. */
    private record Delivery(List<AlertOutcome> outcomes, IngestResult accounting) {
    }

    /**
     * Decides per report what it adds (a later report of the same alert in the list sees what an earlier one
     * changed), writes the changes as envelopes through the pipeline and saves the histories, in one transaction.
     * An event written here has no id until it is received: histories name it by a negative placeholder meanwhile.
     */
    private Delivery deliver(Storage storage, TenantId tenant, List<AlertReport> alerts, String sourcePath,
            int threshold) {
        String name = portal.name();
        Instant receivedAt = clock.instant();
        return pipeline.inTransaction(storage, () -> {
            Map<String, AlertHistory> state = new HashMap<>(storage.alertSync().findHistories(name, tenant,
                    alerts.stream().map(AlertReport::alertId).distinct().toList()));
            Map<String, AlertHistory> touched = new LinkedHashMap<>();
            List<AlertChange> changes = new ArrayList<>(alerts.size());
            List<EnvelopeContent> contents = new ArrayList<>();
            for (AlertReport alert : alerts) {
                AlertHistory prior = state.get(alert.alertId());
                AlertChange change = AlertHistory.changeFor(Optional.ofNullable(prior), alert);
                changes.add(change);
                if (change.writes()) {
                    long placeholder = -1L - contents.size();
                    contents.add(alert.envelope(tenant, sourcePath, change));
                    AlertHistory updated = prior == null
                            ? AlertHistory.first(name, tenant, alert, placeholder, receivedAt)
                            : prior.clearedBy(alert.clearedAt().orElseThrow(), placeholder, receivedAt);
                    state.put(alert.alertId(), updated);
                    touched.put(alert.alertId(), updated);
                }
            }
            IngestResult accounting;
            List<RawEnvelope> envelopes;
            if (contents.isEmpty()) {
                envelopes = List.of();
                accounting = new IngestResult(tenant.value(), 0, 0, 0, 0, 0, List.of(), 0, 0, List.of());
            } else {
                envelopes = storage.rawEnvelopes().receiveAll(contents, receivedAt);
                IngestPipeline.Batch batch = pipeline.batch(storage, threshold);
                for (RawEnvelope envelope : envelopes) {
                    batch.process(envelope, pipeline.canonicalize(envelope.content(), receivedAt));
                }
                accounting = batch.flush(envelopes);
            }
            List<AlertHistory> saved = new ArrayList<>(touched.size());
            touched.values().forEach(h -> saved.add(resolved(h, envelopes)));
            storage.alertSync().saveHistories(saved);
            Map<String, AlertHistory> finalState = new HashMap<>(state);
            saved.forEach(h -> finalState.put(h.alertId(), h));
            List<AlertOutcome> outcomes = new ArrayList<>(alerts.size());
            int written = 0;
            for (int i = 0; i < alerts.size(); i++) {
                AlertHistory h = finalState.get(alerts.get(i).alertId());
                if (changes.get(i).writes()) {
                    var event = accounting.events().get(written++);
                    outcomes.add(new AlertOutcome(h.alertId(), changes.get(i), event.eventId(), event.signatureId(),
                            event.candidateIds(), h.raisedEventId(), h.clearedEventId(), accounting));
                } else {
                    long latest = h.latestEventId();
                    String signature = alerts.size() == 1 ? signatureOf(storage, latest) : null;
                    outcomes.add(new AlertOutcome(h.alertId(), AlertChange.UNCHANGED, latest, signature,
                            Collections.emptyList(), h.raisedEventId(), h.clearedEventId(), accounting));
                }
            }
            return new Delivery(outcomes, accounting);
        });
    }

    /** The history with its placeholder event ids replaced by the ids the envelopes received. */
    private static AlertHistory resolved(AlertHistory h, List<RawEnvelope> envelopes) {
        return new AlertHistory(h.portal(), h.tenantId(), h.alertId(), h.startedAt(),
                real(h.raisedEventId(), envelopes), h.clearedAt(), h.clearedEventId().map(id -> real(id, envelopes)),
                h.updatedAt());
    }

    private static long real(long id, List<RawEnvelope> envelopes) {
        return id < 0 ? envelopes.get((int) (-1L - id)).id().value() : id;
    }

    /** The signature of a stored event, when it still exists (retention may have deleted it). */
    private static String signatureOf(Storage storage, long eventId) {
        return storage.canonicalEvents().findById(new RawEnvelopeId(eventId)).map(CanonicalEvent::signatureId)
                .map(s -> s.value()).orElse(null);
    }
}
