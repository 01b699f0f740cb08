package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.alert.AlertHistory;
import io.brainstem.domain.alert.SyncCursor;
import io.brainstem.domain.envelope.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link AlertSyncRepository} must do (ADR 25). */
public abstract class AlertSyncRepositoryContract {

    protected abstract Storage storage();

    private static final TenantId OTHER = TenantId.of("other-tenant");

    private static AlertHistory active(String portal, TenantId tenant, String alertId, long eventId) {
        return new AlertHistory(portal, tenant, alertId, T0, eventId, Optional.empty(), Optional.empty(),
                T0.plusSeconds(5));
    }

    private static void write(Storage s, Runnable work) {
        s.unitOfWork().write(() -> {
            work.run();
            return null;
        });
    }

    @Test
    void aHistoryComesBackWholeAndIsReplacedWhenTheAlertClears() {
        Storage s = storage();
        AlertHistory raised = active("acme", TENANT, "DS1", 41);
        write(s, () -> s.alertSync().saveHistories(List.of(raised)));
        assertEquals(Map.of("DS1", raised),
                s.unitOfWork().read(() -> s.alertSync().findHistories("acme", TENANT, List.of("DS1", "DS2"))));

        AlertHistory cleared = raised.clearedBy(T0.plusSeconds(32), 57, T0.plusSeconds(40));
        write(s, () -> s.alertSync().saveHistories(List.of(cleared)));
        AlertHistory back = s.unitOfWork().read(() -> s.alertSync().findHistories("acme", TENANT, List.of("DS1")))
                .get("DS1");
        assertEquals(cleared, back);
        assertEquals(41, back.raisedEventId());
        assertEquals(Optional.of(57L), back.clearedEventId());
        assertEquals(Optional.of(T0.plusSeconds(32)), back.clearedAt());
    }

    @Test
    void historiesAreKeptApartByPortalAndTenant() {
        Storage s = storage();
        write(s, () -> s.alertSync().saveHistories(List.of(active("acme", TENANT, "DS1", 1),
                active("beta", TENANT, "DS1", 2), active("acme", OTHER, "DS1", 3))));
        assertEquals(1, s.unitOfWork().read(() -> s.alertSync().findHistories("acme", TENANT, List.of("DS1")))
                .get("DS1").raisedEventId());
        assertEquals(2, s.unitOfWork().read(() -> s.alertSync().findHistories("beta", TENANT, List.of("DS1")))
                .get("DS1").raisedEventId());
        assertEquals(3, s.unitOfWork().read(() -> s.alertSync().findHistories("acme", OTHER, List.of("DS1")))
                .get("DS1").raisedEventId());
        assertTrue(s.unitOfWork().read(() -> s.alertSync().findHistories("gamma", TENANT, List.of("DS1")))
                .isEmpty());
    }

    @Test
    void aThousandHistoriesAreFoundInOneCall() {
        Storage s = storage();
        List<AlertHistory> many = java.util.stream.IntStream.range(0, 1_000)
                .mapToObj(i -> active("acme", TENANT, "DS" + i, i + 1)).toList();
        write(s, () -> s.alertSync().saveHistories(many));
        List<String> ids = many.stream().map(AlertHistory::alertId).toList();
        Map<String, AlertHistory> found = s.unitOfWork().read(() -> s.alertSync().findHistories("acme", TENANT, ids));
        assertEquals(1_000, found.size());
        assertEquals(500, found.get("DS499").raisedEventId());
    }

    @Test
    void aCursorPerPortalAndTenantIsReplacedBySaving() {
        Storage s = storage();
        assertTrue(s.unitOfWork().read(() -> s.alertSync().cursor("acme", TENANT)).isEmpty());
        SyncCursor first = new SyncCursor("acme", TENANT, T0, T0.plusSeconds(60), T0.plusSeconds(61));
        SyncCursor later = new SyncCursor("acme", TENANT, T0.plusSeconds(30), T0.plusSeconds(600),
                T0.plusSeconds(601));
        SyncCursor otherTenant = new SyncCursor("acme", OTHER, T0.minusSeconds(60), T0, T0.plusSeconds(1));
        write(s, () -> {
            s.alertSync().saveCursor(first);
            s.alertSync().saveCursor(otherTenant);
        });
        write(s, () -> s.alertSync().saveCursor(later));
        assertEquals(Optional.of(later), s.unitOfWork().read(() -> s.alertSync().cursor("acme", TENANT)));
        assertEquals(Optional.of(otherTenant), s.unitOfWork().read(() -> s.alertSync().cursor("acme", OTHER)));
        assertTrue(s.unitOfWork().read(() -> s.alertSync().cursor("beta", TENANT)).isEmpty());
    }

    @Test
    void aFailedTransactionLeavesNoHistoryBehind() {
        Storage s = storage();
        assertThrows(IllegalStateException.class, () -> s.unitOfWork().write(() -> {
            s.alertSync().saveHistories(List.of(active("acme", TENANT, "DS9", 9)));
            throw new IllegalStateException("the envelopes of this alert failed");
        }));
        assertTrue(s.unitOfWork().read(() -> s.alertSync().findHistories("acme", TENANT, List.of("DS9"))).isEmpty());
    }
}
