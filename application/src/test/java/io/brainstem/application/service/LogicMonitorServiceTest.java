package io.brainstem.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestLogicMonitorAlertUseCase.AlertCommand;
import io.brainstem.application.port.in.IngestLogicMonitorAlertUseCase.AlertOutcome;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase.SyncCommand;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase.SyncResult;
import io.brainstem.application.port.out.LogicMonitorPortal;
import io.brainstem.application.port.out.PortalException;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.testing.InMemoryStorage;
import io.brainstem.application.testing.MovableClock;
import io.brainstem.domain.alert.AlertChange;
import io.brainstem.domain.alert.AlertReport;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.MinerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The LogicMonitor connector over in-memory storage and a scripted portal. */
class LogicMonitorServiceTest {

    private static final TenantId TENANT = TenantId.of("client-a");
    private static final Instant T0 = Instant.parse("2026-03-22T00:00:00Z");

    private final MovableClock clock = new MovableClock(T0.plus(Duration.ofHours(2)));
    private final StorageCatalog catalog = InMemoryStorage.catalog();
    private final IngestService ingest = new IngestService(catalog, new Canonicalizer(), MinerSettings.DEFAULTS, clock);
    private final ScriptedPortal portal = new ScriptedPortal();

    /** A portal whose alerts the test sets; it pages them by start time as LogicMonitor does, and logs each call. */
    static final class ScriptedPortal implements LogicMonitorPortal {
        final List<AlertReport> alerts = new CopyOnWriteArrayList<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile RuntimeException failure;

        @Override
        public String name() {
            return "acme";
        }

        @Override
        public AlertPage alerts(Instant startedFrom, int offset, int size) {
            calls.add(startedFrom + "@" + offset);
            if (failure != null) {
                throw failure;
            }
            List<AlertReport> matching = alerts.stream().filter(a -> !a.startedAt().isBefore(startedFrom))
                    .sorted(Comparator.comparing(AlertReport::startedAt)).toList();
            List<AlertReport> page = matching.subList(Math.min(offset, matching.size()),
                    Math.min(offset + size, matching.size()));
            return new AlertPage(page, matching.size(), 0, 1);
        }

        void clear(String alertId, Instant at) {
            alerts.replaceAll(a -> a.alertId().equals(alertId) ? withCleared(a, at) : a);
        }
    }

    static AlertReport alert(String id, Instant start, Instant cleared) {
        return new AlertReport(id, start, Optional.ofNullable(cleared), "edge-fw-01", null, "3",
                "IPSec Tunnel site-b TunnelState = 0", "12345",
                Map.of("datasource", "IPSec Tunnel", "instance", "site-b", "datapoint", "TunnelState"), Map.of());
    }

    static AlertReport withCleared(AlertReport a, Instant at) {
        return new AlertReport(a.alertId(), a.startedAt(), Optional.of(at), a.host(), a.service(), a.severity(),
                a.message(), a.resourceId(), a.fields(), a.metadata());
    }

    private LogicMonitorService service(int pageSize, int maxResults) {
        return new LogicMonitorService(catalog, ingest, portal, clock, pageSize, maxResults);
    }

    private AlertOutcome push(LogicMonitorService lm, AlertReport alert) {
        return lm.ingest(new AlertCommand(DatabaseRef.DEFAULT, TENANT, alert, "/connectors/logicmonitor/events", 2));
    }

    private SyncResult sync(LogicMonitorService lm) {
        return lm.sync(new SyncCommand(DatabaseRef.DEFAULT, TENANT, Optional.of(T0), 2));
    }

    private Storage storage() {
        return catalog.open(DatabaseRef.DEFAULT);
    }

    private int envelopes() {
        Storage s = storage();
        return s.unitOfWork().read(() -> s.rawEnvelopes().findAfter(0, List.of(), null, 100_000)).size();
    }

    /** The self-heal candidate among those an alert's event updated. */
    private Candidate selfHeal(AlertOutcome o) {
        Storage s = storage();
        return o.candidateIds().stream()
                .map(id -> s.candidates().findById(new io.brainstem.domain.candidate.CandidateId(id)).orElseThrow())
                .filter(c -> c.type() == CandidateType.SELF_HEAL).findFirst()
                .orElseThrow(() -> new AssertionError("no self-heal among " + o.candidateIds()));
    }

    @Test
    void aPushedAlertThatClearsIsItsRaiseAndItsRecoveryAndASelfHealAndAResendWritesNothing() {
        LogicMonitorService lm = service(1_000, 10_000);
        AlertOutcome raised = push(lm, alert("DS1", T0, null));
        assertEquals(AlertChange.RAISED, raised.change());
        assertTrue(raised.candidateIds().isEmpty());
        assertEquals(AlertChange.UNCHANGED, push(lm, alert("DS1", T0, null)).change());
        assertEquals(1, envelopes());

        AlertOutcome cleared = push(lm, alert("DS1", T0, T0.plusSeconds(45)));
        assertEquals(AlertChange.CLEARED, cleared.change());
        assertEquals(raised.eventId(), cleared.raisedEventId());
        assertEquals(Optional.of(cleared.eventId()), cleared.clearedEventId());
        assertEquals(raised.signatureId(), cleared.signatureId());
        Candidate selfHeal = selfHeal(cleared);
        assertTrue(selfHeal.explanation().contains("45 s") || selfHeal.explanation().contains("45s"),
                selfHeal.explanation());

        AlertOutcome again = push(lm, alert("DS1", T0, T0.plusSeconds(45)));
        assertEquals(AlertChange.UNCHANGED, again.change());
        assertEquals(cleared.eventId(), again.eventId());
        assertEquals(cleared.signatureId(), again.signatureId());
        assertEquals(0, again.accounting().eventCount());
        assertEquals(2, envelopes());
    }

    @Test
    void anAlertFirstSeenClearedIsOneEventAndASelfHeal() {
        AlertOutcome o = push(service(1_000, 10_000), alert("DS2", T0, T0.plusSeconds(32)));
        assertEquals(AlertChange.RAISED_AND_CLEARED, o.change());
        assertEquals(Optional.of(o.eventId()), o.clearedEventId());
        assertTrue(selfHeal(o).explanation().contains("32"), selfHeal(o).explanation());
        assertEquals(1, envelopes());
    }

    @Test
    void syncPagesTakesNothingTwiceAndBringsClearingsOfEarlierAlerts() {
        for (int i = 0; i < 250; i++) {
            portal.alerts.add(alert("DS" + i, T0.plusSeconds(i), i % 2 == 0 ? T0.plusSeconds(i + 30) : null));
        }
        LogicMonitorService lm = service(100, 10_000);
        SyncResult first = sync(lm);
        assertEquals(250, first.fetched());
        assertEquals(250, first.ingested());
        assertEquals(250, first.raised());
        assertEquals(3, first.requests());
        assertEquals(250, envelopes());
        assertEquals(T0.plusSeconds(1), first.resumeFrom(), "the oldest alert still active");

        SyncResult nothingNew = sync(lm);
        assertEquals(0, nothingNew.ingested());
        assertEquals(249, nothingNew.unchanged());
        assertEquals(250, envelopes());

        portal.clear("DS1", T0.plusSeconds(400));
        portal.clear("DS3", T0.plusSeconds(400));
        portal.alerts.add(alert("DS-new", T0.plusSeconds(500), null));
        SyncResult later = sync(lm);
        assertEquals(2, later.cleared());
        assertEquals(1, later.raised());
        assertEquals(3, later.ingested());
        assertEquals(253, envelopes());
        assertEquals(T0.plusSeconds(5), later.resumeFrom());
        assertTrue(later.candidatesCreated() + first.candidatesCreated() >= 1);
        assertEquals(T0.plusSeconds(1) + "@0", portal.calls.get(3), "the second sync starts at the cursor");
        assertEquals(256, lm.status().alertsSyncedTotal() + 3, "syncs count the events they wrote");
    }

    @Test
    void beyondWhatOneQueryServesTheWindowMovesOnFromTheLastStart() {
        for (int i = 0; i < 95; i++) {
            portal.alerts.add(alert("DS" + i, T0.plusSeconds(i / 2), null));
        }
        SyncResult r = service(10, 40).sync(new SyncCommand(DatabaseRef.DEFAULT, TENANT, Optional.of(T0), 2));
        assertEquals(95, r.raised());
        assertTrue(r.unchanged() > 0, "the last second of a window comes again");
        assertEquals(95, envelopes());
        assertTrue(portal.calls.contains(T0.plusSeconds(19) + "@0"), portal.calls.toString());
    }

    @Test
    void aPortalFailureIsThrownAndShownInTheStatusUntilASyncSucceeds() {
        LogicMonitorService lm = service(1_000, 10_000);
        portal.failure = new PortalException(PortalException.Reason.UNAUTHORIZED, "refused: check the credentials");
        PortalException e = assertThrows(PortalException.class, () -> sync(lm));
        assertEquals(PortalException.Reason.UNAUTHORIZED, e.reason());
        assertEquals(Optional.of("refused: check the credentials"), lm.status().lastError());
        assertEquals(1, lm.status().failures());
        assertTrue(lm.status().lastRunAt().isPresent());

        portal.failure = null;
        portal.alerts.add(alert("DS1", T0, null));
        assertEquals(1, sync(lm).ingested());
        assertTrue(lm.status().lastError().isEmpty());
        assertEquals(2, lm.status().runs());
        assertFalse(lm.status().lastResult().isEmpty());
    }

    @Test
    void anUnconfiguredPortalSaysSoAndKeysPushedAlertsAsDefault() {
        LogicMonitorService lm = new LogicMonitorService(catalog, ingest,
                LogicMonitorPortal.unconfigured("set BRAINSTEM_LM_COMPANY"), clock);
        PortalException e = assertThrows(PortalException.class, () -> sync(lm));
        assertEquals(PortalException.Reason.NOT_CONFIGURED, e.reason());
        assertFalse(lm.status().configured());
        AlertOutcome o = push(lm, alert("DS1", T0, null));
        assertEquals(AlertChange.RAISED, o.change());
        Storage s = storage();
        assertEquals(1, s.unitOfWork().read(() -> s.alertSync().findHistories("default", TENANT, List.of("DS1")))
                .size());
        assertEquals(new ArrayList<>(), portal.calls);
    }
}
