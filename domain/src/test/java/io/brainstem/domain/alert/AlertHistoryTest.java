package io.brainstem.domain.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.shared.DomainViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertHistoryTest {

    private static final TenantId TENANT = TenantId.of("client-a");
    private static final Instant START = Instant.parse("2026-03-22T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-22T01:00:00Z");

    static AlertReport report(String id, Instant cleared) {
        return new AlertReport(id, START, Optional.ofNullable(cleared), "edge-fw-01", null, "2",
                "IPSec Tunnel site-b down", "12345", Map.of("datasource", "IPSec Tunnel"), Map.of());
    }

    @Test
    void aFirstReportRaisesTheAlertAndClearsItWhenAlreadyCleared() {
        assertEquals(AlertChange.RAISED, AlertHistory.changeFor(Optional.empty(), report("DS1", null)));
        assertEquals(AlertChange.RAISED_AND_CLEARED,
                AlertHistory.changeFor(Optional.empty(), report("DS1", START.plusSeconds(32))));
        AlertHistory both = AlertHistory.first("acme", TENANT, report("DS1", START.plusSeconds(32)), 7, NOW);
        assertEquals(Optional.of(7L), both.clearedEventId());
        assertEquals(7, both.latestEventId());
    }

    @Test
    void theFirstClearedReportOfAnActiveAlertClearsItAndEverythingElseChangesNothing() {
        AlertHistory active = AlertHistory.first("acme", TENANT, report("DS1", null), 7, NOW);
        assertEquals(AlertChange.UNCHANGED, AlertHistory.changeFor(Optional.of(active), report("DS1", null)));
        assertEquals(AlertChange.CLEARED,
                AlertHistory.changeFor(Optional.of(active), report("DS1", START.plusSeconds(60))));

        AlertHistory cleared = active.clearedBy(START.plusSeconds(60), 9, NOW);
        assertEquals(7, cleared.raisedEventId());
        assertEquals(9, cleared.latestEventId());
        assertEquals(AlertChange.UNCHANGED,
                AlertHistory.changeFor(Optional.of(cleared), report("DS1", START.plusSeconds(60))));
        assertEquals(AlertChange.UNCHANGED, AlertHistory.changeFor(Optional.of(cleared), report("DS1", null)));
        assertThrows(IllegalStateException.class, () -> cleared.clearedBy(START.plusSeconds(90), 10, NOW));
    }

    @Test
    void anAlertCannotClearBeforeItStarted() {
        DomainViolation e = assertThrows(DomainViolation.class, () -> report("DS1", START.minusSeconds(1)));
        assertTrue(e.getMessage().contains("before the alert started"), e.getMessage());
        assertThrows(DomainViolation.class, () -> report(" ", null));
    }

    @Test
    void theCursorResumesAtTheOldestActiveAlertWithinTheHorizonAndNeverMovesBack() {
        Instant from = START;
        Instant newest = START.plus(Duration.ofHours(5));
        assertEquals(START.plusSeconds(600),
                SyncCursor.after("acme", TENANT, from, newest, START.plusSeconds(600), NOW).resumeFrom());
        assertEquals(newest, SyncCursor.after("acme", TENANT, from, newest, null, NOW).resumeFrom());
        assertEquals(from, SyncCursor.after("acme", TENANT, from, null, null, NOW).resumeFrom());

        Instant late = START.plus(Duration.ofDays(30));
        SyncCursor bounded = SyncCursor.after("acme", TENANT, from, late, START.plusSeconds(1), NOW);
        assertEquals(late.minus(SyncCursor.OPEN_HORIZON), bounded.resumeFrom());
        assertEquals(late, bounded.newestStartedAt());
    }
}
