package io.brainstem.domain.candidate.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogicMonitorAlertTest {

    private static final Instant AT = Instant.parse("2026-03-22T03:00:00Z");

    @Test
    void readsIsoAndEpochTimes() {
        assertEquals(AT, LogicMonitorAlert.instant("2026-03-22T03:00:00Z"));
        assertEquals(AT, LogicMonitorAlert.instant("2026-03-22T04:00:00+01:00"));
        assertEquals(AT, LogicMonitorAlert.instant("2026-03-22 03:00:00"));
        assertEquals(AT, LogicMonitorAlert.instant(AT.getEpochSecond()));
        assertEquals(AT, LogicMonitorAlert.instant(String.valueOf(AT.getEpochSecond())));
        assertEquals(AT, LogicMonitorAlert.instant(AT.toEpochMilli()));
        assertNull(LogicMonitorAlert.instant("yesterday"));
    }

    @Test
    void onlyLogicMonitorEventsWithAnAlertStatusOrClearingTimeAreAlerts() {
        assertTrue(LogicMonitorAlert.from("syslog", Map.of("alert_status", "cleared")).isEmpty());
        assertTrue(LogicMonitorAlert.from("logicmonitor", Map.of("datasource", "Ping")).isEmpty());
        assertEquals(LogicMonitorAlert.Status.CLEARED,
                LogicMonitorAlert.from("logicmonitor", Map.of("cleared_at", "2026-03-22T03:00:00Z")).orElseThrow()
                        .status());
        assertEquals(LogicMonitorAlert.Status.ACTIVE,
                LogicMonitorAlert.from("LogicMonitor", Map.of("alert_status", "Active")).orElseThrow().status());
        assertEquals(LogicMonitorAlert.Status.OTHER,
                LogicMonitorAlert.from("logicmonitor", Map.of("alert_status", "ack")).orElseThrow().status());
    }
}
