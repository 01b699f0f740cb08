package io.brainstem.domain.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.event.ParseOutcome;
import io.brainstem.domain.event.ParsedEvent;
import io.brainstem.domain.event.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An alert report as the envelope the LogicMonitor parser reads. */
class AlertReportTest {

    private static final TenantId TENANT = TenantId.of("client-a");
    private static final Instant START = Instant.parse("2026-03-22T00:00:00Z");
    private static final Instant CLEARED = Instant.parse("2026-03-22T00:00:32Z");

    private static AlertReport portalAlert(Instant cleared) {
        return new AlertReport("DS998877", START, Optional.ofNullable(cleared), "edge-fw-01", null, "4",
                "IPSec Tunnel site-b TunnelState = 0", "12345",
                Map.of("datasource", "IPSec Tunnel", "instance", "site-b", "datapoint", "TunnelState",
                        "alert_type", "dataSourceAlert", "alert_value", "0", "threshold", "= 0"),
                Map.of("portal", "acme"));
    }

    private static ParsedEvent parse(EnvelopeContent content) {
        ParseOutcome outcome = new Canonicalizer().canonicalize(content, START.plusSeconds(3600));
        return ((ParseOutcome.Parsed) outcome).event();
    }

    @Test
    void theRaiseIsAnActiveAlertOnItsResourceTimedAtItsStart() {
        EnvelopeContent raise = portalAlert(null).envelope(TENANT, "/connectors/logicmonitor/sync", AlertChange.RAISED);
        assertEquals("logicmonitor", raise.sourceType());
        assertEquals("12345", raise.sourceId());
        ParsedEvent event = parse(raise);
        assertEquals("edge-fw-01", event.host());
        assertEquals("IPSec Tunnel/site-b", event.service());
        assertEquals(Severity.CRIT, event.severity());
        assertEquals(START, event.timestamp());
        assertEquals("active", event.structuredFields().get("alert_status"));
        assertEquals("DS998877", event.structuredFields().get("alert_id"));
        assertEquals("TunnelState", event.structuredFields().get("datapoint"));
        assertEquals("= 0", event.structuredFields().get("threshold"));
        assertEquals("dataSourceAlert", event.structuredFields().get("alert_type"));
        assertFalse(event.structuredFields().containsKey("cleared_at"));
    }

    @Test
    void theClearingIsARecoveryTimedWhenItClearedThatKeepsTheStart() {
        EnvelopeContent clearing = portalAlert(CLEARED).envelope(TENANT, "/p", AlertChange.CLEARED);
        ParsedEvent event = parse(clearing);
        assertEquals(CLEARED, event.timestamp());
        assertEquals("cleared", event.structuredFields().get("alert_status"));
        assertEquals(START.toString(), event.structuredFields().get("started_at"));
        assertEquals(CLEARED.toString(), event.structuredFields().get("cleared_at"));

        EnvelopeContent both = portalAlert(CLEARED).envelope(TENANT, "/p", AlertChange.RAISED_AND_CLEARED);
        assertEquals(START, parse(both).timestamp());
        assertEquals("cleared", parse(both).structuredFields().get("alert_status"));
    }

    @Test
    void anExplicitServiceWinsAndAnUnchangedAlertHasNoEnvelope() {
        AlertReport seed = new AlertReport("998877", START, Optional.of(CLEARED), "edge-fw-01", "vpn", "warning",
                "VPN tunnel dropped and recovered", "12345", Map.of("datasource", "IPSec Tunnel"), Map.of());
        ParsedEvent event = parse(seed.envelope(TENANT, "/p", AlertChange.RAISED_AND_CLEARED));
        assertEquals("vpn", event.service());
        assertEquals(Severity.WARNING, event.severity());
        assertThrows(IllegalArgumentException.class, () -> seed.envelope(TENANT, "/p", AlertChange.UNCHANGED));
    }
}
