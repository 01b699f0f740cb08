package io.brainstem.domain.candidate.detection;

import static io.brainstem.domain.candidate.detection.Feed.T0;
import static io.brainstem.domain.candidate.detection.Feed.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.event.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelfHealDetectionTest {

    private static List<Assessment> selfHeals(List<Assessment> assessments) {
        return only(assessments, CandidateType.SELF_HEAL);
    }

    @Test
    void selfHealPairedByStateWordWithDuration() {
        Feed feed = new Feed();
        assertTrue(selfHeals(feed.syslog(T0, "fw-01", "charon", Severity.WARNING, "VPN tunnel dropped")).isEmpty());
        List<Assessment> healed = selfHeals(feed.syslog(T0.plusSeconds(40), "fw-01", "charon", Severity.INFO,
                "VPN tunnel recovered"));

        assertEquals(1, healed.size());
        Assessment a = healed.getFirst();
        assertEquals(feed.signatureId("VPN tunnel dropped") + "|" + feed.signatureId("VPN tunnel recovered")
                + "|fw-01|charon", a.patternKey());
        assertEquals(2, a.evidence().eventCount());
        assertEquals(List.of(1L, 2L), a.evidence().sampleEventIds());
        assertEquals(40.0, a.evidence().measures().get("recovery_seconds_max"));
        assertEquals("VPN tunnel dropped and recovered once on fw-01 (charon) since Mar 15; it came back after 40 s.",
                a.explanation());
        assertEquals("Self-healing: VPN tunnel dropped and recovered on fw-01 (charon)", a.title());
    }

    @Test
    void linkDownPairsWithUpOfTheSameInterfaceOnly() {
        Feed feed = new Feed();
        feed.syslog(T0, "sw-01", "kernel", Severity.WARNING, "link eth0 down");
        assertTrue(selfHeals(feed.syslog(T0.plusSeconds(5), "sw-01", "kernel", Severity.INFO, "link eth1 up"))
                .isEmpty(), "eth1 coming up does not heal eth0");
        assertTrue(selfHeals(feed.syslog(T0.plusSeconds(6), "sw-02", "kernel", Severity.INFO, "link eth0 up"))
                .isEmpty(), "another host does not heal sw-01");
        List<Assessment> healed = selfHeals(feed.syslog(T0.plusSeconds(125), "sw-01", "kernel", Severity.INFO,
                "link eth0 up"));

        assertEquals(1, healed.size());
        assertTrue(healed.getFirst().explanation().startsWith("link eth0 down and up once on sw-01 (kernel)"),
                healed.getFirst().explanation());
        assertEquals(125.0, healed.getFirst().evidence().measures().get("recovery_seconds_max"));
        assertTrue(healed.getFirst().explanation().contains("2 min 5 s"));
    }

    @Test
    void recoveryLaterThanADayIsNotASelfHeal() {
        Feed feed = new Feed();
        feed.syslog(T0, "fw-01", "charon", Severity.WARNING, "VPN tunnel dropped");
        assertTrue(selfHeals(feed.syslog(T0.plus(Duration.ofHours(25)), "fw-01", "charon", Severity.INFO,
                "VPN tunnel recovered")).isEmpty());
        assertTrue(selfHeals(feed.syslog(T0.plus(Duration.ofHours(26)), "fw-01", "charon", Severity.INFO,
                "VPN tunnel recovered")).isEmpty(), "the late recovery closed the failure");
    }

    @Test
    void aLongReturnIsASelfHealOneSeverityWorseAndTwoAreARhythm() {
        Feed feed = new Feed();
        feed.syslog(T0, "nas-01", "zed", Severity.WARNING, "pool tank vdev sdb state=DEGRADED");
        List<Assessment> healed = selfHeals(feed.syslog(T0.plus(Duration.ofMinutes(70)), "nas-01", "zed",
                Severity.INFO, "pool tank vdev sdb state=ONLINE"));
        assertEquals(1, healed.size());
        assertEquals(1.0, healed.getFirst().evidence().measures().get("long_returns"));
        assertEquals(0.8, healed.getFirst().breakdown().severity(), "warning down for 70 min counts as err");
        assertTrue(healed.getFirst().explanation().contains("1 h 10 min"), healed.getFirst().explanation());
        assertFalse(healed.getFirst().breakdown().isRoutine());

        feed.syslog(T0.plus(Duration.ofHours(20)), "nas-01", "zed", Severity.WARNING,
                "pool tank vdev sdb state=DEGRADED");
        List<Assessment> again = selfHeals(feed.syslog(T0.plus(Duration.ofHours(30)), "nas-01", "zed",
                Severity.INFO, "pool tank vdev sdb state=ONLINE"));
        assertEquals(1, again.size());
        assertEquals(1.0, again.getFirst().breakdown().severity(), "down for 10 h counts as crit");
        assertTrue(again.getFirst().breakdown().isRoutine(), "outages of hours that always come back: its rhythm");
    }

    @Test
    void aCommonOutcomeClosesAFailureWithoutASelfHeal() {
        Feed feed = new Feed();
        feed.syslog(T0, "dc-01", "auth", Severity.WARNING, "login failed for user u1 from 10.0.3.200");
        assertEquals(1, selfHeals(feed.syslog(T0.plusSeconds(10), "dc-01", "auth", Severity.INFO,
                "login succeeded for user u1 from 10.0.3.200")).size(), "the first close is a recovery");
        for (int i = 0; i < 30; i++) {
            feed.syslog(T0.plusSeconds(60 + i * 60L), "dc-01", "auth", Severity.INFO,
                    "login succeeded for user u" + (i % 5) + " from 10.0.3." + (i + 1));
        }
        feed.syslog(T0.plusSeconds(1900), "dc-01", "auth", Severity.WARNING,
                "login failed for user u1 from 10.0.3.200");
        List<Assessment> withdrawn = selfHeals(feed.syslog(T0.plusSeconds(1910), "dc-01", "auth", Severity.INFO,
                "login succeeded for user u1 from 10.0.3.200"));
        assertEquals(1, withdrawn.size(), "the pattern made before is reassessed, with no new episode");
        assertTrue(withdrawn.getFirst().breakdown().isRoutine(),
                "a success of which 1 in 16 closed a failure is the usual outcome, not a recovery");
        assertEquals(1.0, withdrawn.getFirst().evidence().measures().get("episodes"));
        feed.syslog(T0.plusSeconds(2000), "dc-01", "auth", Severity.WARNING,
                "login failed for user u2 from 10.0.3.201");
        assertTrue(selfHeals(feed.syslog(T0.plusSeconds(2010), "dc-01", "auth", Severity.INFO,
                "login succeeded for user u2 from 10.0.3.201")).isEmpty());
    }


    @Test
    void repeatedFailuresBeforeTheRecoveryAreTimedFromTheFirst() {
        Feed feed = new Feed();
        feed.syslog(T0, "fw-01", "charon", Severity.WARNING, "VPN tunnel dropped");
        feed.syslog(T0.plusSeconds(20), "fw-01", "charon", Severity.WARNING, "VPN tunnel dropped");
        Assessment a = selfHeals(feed.syslog(T0.plusSeconds(50), "fw-01", "charon", Severity.INFO,
                "VPN tunnel recovered")).getFirst();

        assertEquals(50.0, a.evidence().measures().get("recovery_seconds_max"));
        assertEquals(3, a.evidence().eventCount());
    }

    @Test
    void vpnTunnelSelfHealingTwelveTimesOnAFirewallIsForReview() {
        Feed feed = new Feed();
        Assessment last = null;
        for (int i = 0; i < 12; i++) {
            Instant down = T0.plus(Duration.ofHours(i));
            feed.syslog(down, "fw-01", "charon", Severity.WARNING, "VPN tunnel dropped");
            last = selfHeals(feed.syslog(down.plusSeconds(i % 2 == 0 ? 25 : 40), "fw-01", "charon", Severity.INFO,
                    "VPN tunnel recovered")).getFirst();
        }

        assertEquals("VPN tunnel dropped and recovered 12 times on fw-01 (charon) since Mar 15; each time it came back "
                + "within 40 s (typically 25 s).", last.explanation());
        assertEquals(24, last.evidence().eventCount());
        assertEquals(12.0, last.evidence().measures().get("episodes"));
        assertEquals(25.0, last.evidence().measures().get("recovery_seconds_min"));
        assertTrue(last.decisionBand().compareTo(DecisionBand.REVIEW) >= 0,
                "was " + last.decisionBand() + " at " + last.scoreTotal());
    }

    @Test
    void singleMessageSelfHeal() {
        Feed feed = new Feed();
        List<Assessment> healed = selfHeals(feed.syslog(T0, "edge-fw-01", "charon", Severity.WARNING,
                "VPN tunnel dropped and recovered"));

        assertEquals(1, healed.size());
        String sig = feed.signatureId("VPN tunnel dropped and recovered");
        assertEquals(sig + "|" + sig + "|edge-fw-01|charon", healed.getFirst().patternKey());
        assertEquals(1, healed.getFirst().evidence().eventCount());
        assertEquals("'VPN tunnel dropped and recovered' was reported once on edge-fw-01 (charon) since Mar 15; the "
                + "message itself reports the recovery, not how long it took.", healed.getFirst().explanation());
    }

    @Test
    void aFailureThatOnlyMentionsRetryingIsNoSelfHeal() {
        Feed feed = new Feed();
        assertTrue(selfHeals(feed.syslog(T0, "db-01", "app", Severity.ERR,
                "connection failed, retrying up to 3 times")).isEmpty());
        assertTrue(selfHeals(feed.syslog(T0.plusSeconds(1), "db-01", "app", Severity.ERR,
                "restore failed for backup")).isEmpty());
    }

    @Test
    void logicMonitorClearedAlertIsSelfHeal() {
        Feed feed = new Feed();
        Instant started = T0;
        Instant cleared = T0.plusSeconds(190);
        List<Assessment> healed = selfHeals(feed.logicMonitor(cleared, "edge-fw-01", "IPSec Tunnel",
                "IPSec tunnel to hq is down", Map.of("alert_status", "cleared", "alert_id", "LMA123",
                        "started_at", started.toString(), "cleared_at", cleared.getEpochSecond())));

        assertEquals(1, healed.size());
        Assessment a = healed.getFirst();
        assertEquals(190.0, a.evidence().measures().get("recovery_seconds_max"));
        assertEquals("LogicMonitor alert 'IPSec tunnel to hq is down' on edge-fw-01 (IPSec Tunnel) started and cleared "
                + "once since Mar 15; it came back after 3 min 10 s.", a.explanation());
    }

    @Test
    void logicMonitorClearedEventPairsWithItsActiveEventByAlertId() {
        Feed feed = new Feed();
        assertTrue(selfHeals(feed.logicMonitor(T0, "edge-fw-01", "IPSec Tunnel", "IPSec tunnel to hq is down",
                Map.of("alert_status", "active", "alert_id", "LMA7"))).isEmpty());
        List<Assessment> healed = selfHeals(feed.logicMonitor(T0.plusSeconds(75), "edge-fw-01", "IPSec Tunnel",
                "Alert LMA7 cleared", Map.of("alert_status", "cleared", "alert_id", "LMA7")));

        assertEquals(1, healed.size());
        assertEquals(75.0, healed.getFirst().evidence().measures().get("recovery_seconds_max"));
        assertEquals(feed.signatureId("IPSec tunnel to hq is down") + "|" + feed.signatureId("Alert <*> cleared")
                + "|edge-fw-01|IPSec Tunnel", healed.getFirst().patternKey());
        assertEquals(List.of(1L, 2L), healed.getFirst().evidence().sampleEventIds());
    }

    @Test
    void logicMonitorClearedEventPairsWithActiveEventOfSameHostServiceAndMessage() {
        Feed feed = new Feed();
        feed.logicMonitor(T0, "edge-fw-01", "IPSec Tunnel", "IPSec tunnel to hq is down",
                Map.of("alert_status", "active"));
        feed.logicMonitor(T0.plusSeconds(10), "edge-fw-02", "IPSec Tunnel", "IPSec tunnel to hq is down",
                Map.of("alert_status", "cleared"));
        List<Assessment> healed = selfHeals(feed.logicMonitor(T0.plusSeconds(30), "edge-fw-01", "IPSec Tunnel",
                "IPSec tunnel to hq is down", Map.of("alert_status", "cleared")));

        assertEquals(1, healed.size());
        assertEquals(30.0, healed.getFirst().evidence().measures().get("recovery_seconds_max"));
    }

    @Test
    void logicMonitorAlertClearedAfterTheWindowIsNoSelfHeal() {
        Feed feed = new Feed();
        assertTrue(selfHeals(feed.logicMonitor(T0.plus(Duration.ofHours(5)), "edge-fw-01", "IPSec Tunnel",
                "IPSec tunnel to hq is down", Map.of("alert_status", "cleared", "started_at", T0.toString(),
                        "cleared_at", T0.plus(Duration.ofHours(5)).toString()))).isEmpty());
    }
}
