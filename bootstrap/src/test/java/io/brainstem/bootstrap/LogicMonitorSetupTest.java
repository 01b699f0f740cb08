package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.envelope.TenantId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogicMonitorSetupTest {

    private static final TenantId T = TenantId.of("default");

    @Test
    void nothingSetIsNotConfiguredAndACompanyIsItsPortal() {
        assertTrue(LogicMonitorSetup.of("", "", "", "", "off", T).portal().isEmpty());
        LogicMonitorSetup acme = LogicMonitorSetup.of("Acme", "", "id", "key", "5m", T);
        assertEquals("https://acme.logicmonitor.com/santaba/rest", acme.portal().orElseThrow().baseUrl().toString());
        assertEquals("acme", acme.portal().orElseThrow().portalName());
        assertEquals(Optional.of(Duration.ofMinutes(5)), acme.syncInterval());
    }

    @Test
    void aHalfConfiguredPortalOrAScheduleWithoutOneFailsNamingWhatIsMissing() {
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> LogicMonitorSetup.of("acme", "", "id", "", "off", T));
        assertTrue(half.getMessage().contains("BRAINSTEM_LM_ACCESS_KEY"), half.getMessage());
        IllegalArgumentException noPortal = assertThrows(IllegalArgumentException.class,
                () -> LogicMonitorSetup.of("", "", "", "", "5m", T));
        assertTrue(noPortal.getMessage().contains("BRAINSTEM_LM_SYNC_INTERVAL")
                && noPortal.getMessage().contains("BRAINSTEM_LM_COMPANY"), noPortal.getMessage());
    }

    @Test
    void intervalsAreSecondsMinutesOrHours() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), LogicMonitorSetup.interval("90s"));
        assertEquals(Optional.of(Duration.ofHours(1)), LogicMonitorSetup.interval("1h"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), LogicMonitorSetup.interval("30"));
        assertEquals(Optional.empty(), LogicMonitorSetup.interval("off"));
        assertThrows(IllegalArgumentException.class, () -> LogicMonitorSetup.interval("0s"));
        assertThrows(IllegalArgumentException.class, () -> LogicMonitorSetup.interval("5 minutes"));
    }
}
