package io.brainstem.domain.candidate.detection;

import static io.brainstem.domain.candidate.detection.Feed.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.event.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The detector on vocabularies it was not written for: failure and recovery in different words, periodic faults,
 * routine chatter, failures that do not come back, bursts of new signatures.
 */
class GeneralDetectionTest {

    private static Assessment last(List<Assessment> all, CandidateType type) {
        Assessment found = null;
        for (Assessment a : all) {
            if (a.type() == type) {
                found = a;
            }
        }
        return found;
    }

    /** The failure, then its recovery {@code seconds} later, {@code times} times, twelve hours apart. */
    private static Feed pairs(String host, String service, Severity severity, String failure, String recovery,
            int times, int seconds) {
        Feed feed = new Feed();
        Instant t = T0;
        for (int i = 0; i < times; i++) {
            feed.syslog(t, host, service, severity, failure);
            feed.syslog(t.plusSeconds(seconds), host, service, severity, recovery);
            t = t.plus(Duration.ofHours(12));
        }
        return feed;
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "IPsec SA with peer 203.0.113.10 dropped (DPD timeout)|IPsec SA with peer 203.0.113.10 established|charon",
        "neighbor 192.0.2.1 Down BGP Notification sent|neighbor 192.0.2.1 Up|%BGP-5-ADJCHANGE",
        "Power failure.|Power is back. UPS running on mains.|apcupsd",
        "UPS ups@localhost on battery|UPS ups@localhost on line power|upsmon",
        "BGP peer 10.1.1.2 (External AS 65001) changed state from Established to Idle (event RecvNotify)"
                + "|BGP peer 10.1.1.2 (External AS 65001) changed state from OpenConfirm to Established (event RecvOpen)"
                + "|rpd",
        "Server be_app/web3 is DOWN, reason: Layer4 timeout, check duration: 2001ms."
                + "|Server be_app/web3 is UP, reason: Layer7 check passed, code: 200, check duration: 3ms.|haproxy",
        "VD 1 is now DEGRADED on controller c0|VD 1 is now OPTIMAL on controller c0|megaraid_sas",
        "Peer link Down|Peer link Up|hamon",
    })
    void failureAndRecoveryInDifferentWordsSelfHeal(String failure, String recovery, String service) {
        Feed feed = pairs("fw-01", service, Severity.NOTICE, failure, recovery, 8, 30);
        Assessment healed = last(feed.all(), CandidateType.SELF_HEAL);
        assertNotNull(healed, "a self_heal candidate");
        assertEquals(8.0, healed.evidence().measures().get("episodes"));
        assertTrue(healed.explanation().contains("came back"), healed.explanation());
        assertEquals(DecisionBand.REVIEW, healed.decisionBand(), healed.breakdown() + " " + healed.explanation());
    }

    @Test
    void aRecoveryOfAnotherThingDoesNotHeal() {
        Feed feed = new Feed();
        feed.syslog(T0, "fw-01", "charon", Severity.WARNING, "IPsec SA with peer 203.0.113.10 dropped (DPD timeout)");
        feed.syslog(T0.plusSeconds(20), "fw-01", "charon", Severity.INFO, "IPsec SA with peer 198.51.100.4 established");
        assertTrue(feed.all(CandidateType.SELF_HEAL).isEmpty());
    }

    @Test
    void theSelfHealTitleNamesTheThing() {
        Feed feed = pairs("sw-core-1", "%LINK-3-UPDOWN", Severity.ERR,
                "Interface GigabitEthernet0/12, changed state to down",
                "Interface GigabitEthernet0/12, changed state to up", 3, 10);
        Assessment healed = last(feed.all(), CandidateType.SELF_HEAL);
        assertTrue(healed.title().contains("GigabitEthernet0/12"), healed.title());
        assertEquals("GigabitEthernet0/12 on sw-core-1", healed.evidence().subject());
    }

    @Test
    void aNightlyCriticalWarningSaysItIsPeriodicAndOutranksRoutineChatter() {
        Feed feed = new Feed();
        Instant night = T0.plus(Duration.ofHours(23));
        for (int day = 0; day < 7; day++) {
            Instant d = T0.plus(Duration.ofDays(day));
            for (int h = 0; h < 24; h++) {
                for (String host : new String[] {"web-1", "web-2", "web-3", "db-1", "db-2"}) {
                    feed.syslog(d.plus(Duration.ofHours(h)).plusSeconds(host.length()), host, "CRON",
                            Severity.INFO, "(root) CMD (run-parts /etc/cron.hourly)");
                }
            }
            feed.syslog(night.plus(Duration.ofDays(day)).plusSeconds(37L * day), "nas-1", "smartd", Severity.CRIT,
                    "Device: /dev/sda [SAT], 8 Currently unreadable (pending) sectors");
        }
        Assessment disk = last(feed.all(), CandidateType.RECURRENCE);
        List<Assessment> recurrences = feed.all(CandidateType.RECURRENCE);
        Assessment cron = null;
        for (Assessment a : recurrences) {
            if (a.title().contains("CMD")) {
                cron = a;
            }
            if (a.title().contains("unreadable")) {
                disk = a;
            }
        }
        assertTrue(disk.explanation().contains("every night at about 02:0"), disk.explanation());
        assertEquals(1.0, disk.breakdown().periodicity());
        assertEquals(DecisionBand.REVIEW, disk.decisionBand(), disk.breakdown().toString());
        assertTrue(cron.breakdown().isRoutine(), cron.explanation());
        assertTrue(cron.scoreTotal() <= 0.44 && disk.scoreTotal() > cron.scoreTotal(),
                disk.scoreTotal() + " vs " + cron.scoreTotal());
    }

    @Test
    void routineNoticeChatterStaysAtWatch() {
        Feed feed = new Feed();
        for (int i = 0; i < 60; i++) {
            feed.syslog(T0.plus(Duration.ofHours(3L * i)), "sw-core-" + (i % 4), "%SYS-5-CONFIG_I", Severity.NOTICE,
                    "Configured from console by admin on vty0 (10.0.0.5)");
        }
        Assessment a = last(feed.all(), CandidateType.RECURRENCE);
        assertTrue(a.scoreTotal() <= 0.44, a.breakdown() + " " + a.explanation());
        assertTrue(a.explanation().contains("routine"), a.explanation());
    }

    @Test
    void aSteadyWarningBackgroundBecomesRoutineButANewSignatureDoesNot() {
        Feed feed = new Feed();
        for (int m = 0; m < 12 * 60; m += 3) {
            feed.syslog(T0.plus(Duration.ofMinutes(m)), "fw-0" + (m % 5), "kernel", Severity.WARNING,
                    "[UFW BLOCK] IN=eth0 OUT= SRC=203.0.113." + (m % 200) + " DST=198.51.100.1 PROTO=TCP DPT=23");
        }
        Assessment blocks = last(feed.all(), CandidateType.RECURRENCE);
        assertTrue(blocks.breakdown().isRoutine(), blocks.breakdown() + " " + blocks.explanation());

        Instant later = T0.plus(Duration.ofDays(2));
        for (int h = 0; h < 10; h++) {
            // mdadm --monitor logs Fail*, Degrade* and DeviceDisappeared at LOG_CRIT
            feed.syslog(later.plus(Duration.ofHours(h)), "nas-1", "mdadm", Severity.CRIT,
                    "DegradedArray event detected on md device /dev/md0");
        }
        Assessment degraded = last(feed.all(), CandidateType.RECURRENCE);
        assertTrue(degraded.title().contains("DegradedArray"), degraded.title());
        assertFalse(degraded.breakdown().isRoutine(), "new for the tenant: " + degraded.explanation());
        assertEquals(DecisionBand.REVIEW, degraded.decisionBand(), degraded.breakdown().toString());
    }

    @Test
    void aFailureReadAsSuchCountsAsAtLeastWarning() {
        Feed feed = new Feed();
        feed.syslog(T0, "bastion", "sshd", Severity.INFO, "Failed password for root from 198.51.100.7 port 4242 ssh2");
        List<Assessment> a = feed.syslog(T0.plusSeconds(1), "bastion", "sshd", Severity.INFO,
                "Failed password for root from 198.51.100.7 port 4243 ssh2");
        assertEquals(Scores.severity(Severity.WARNING), last(a, CandidateType.RECURRENCE).breakdown().severity());
    }

    @Test
    void aLinkThatWentDownAndStayedDownIsUnrecovered() {
        Feed feed = pairs("sw-core-1", "%LINK-3-UPDOWN", Severity.ERR,
                "Interface GigabitEthernet0/12, changed state to down",
                "Interface GigabitEthernet0/12, changed state to up", 3, 20);
        Instant down = T0.plus(Duration.ofDays(3));
        feed.syslog(down, "sw-edge-2", "%LINK-3-UPDOWN", Severity.ERR, "Interface GigabitEthernet0/3, changed state to down");
        assertTrue(feed.all(CandidateType.UNRECOVERED).isEmpty(), "not before its deadline");
        List<Assessment> later = feed.syslog(down.plus(Duration.ofMinutes(6)), "fw-01", "kernel", Severity.INFO,
                "something else entirely");
        Assessment stuck = last(later, CandidateType.UNRECOVERED);
        assertNotNull(stuck, "reported when a later event shows the deadline has passed");
        assertTrue(stuck.explanation().contains("has not come back"), stuck.explanation());
        assertTrue(stuck.title().contains("GigabitEthernet0/3") && stuck.title().contains("sw-edge-2"), stuck.title());
        assertEquals(DecisionBand.REVIEW, stuck.decisionBand(), stuck.breakdown().toString());

        List<Assessment> back = feed.syslog(down.plus(Duration.ofHours(2)), "sw-edge-2", "%LINK-3-UPDOWN",
                Severity.NOTICE, "Interface GigabitEthernet0/3, changed state to up");
        Assessment cameBack = last(back, CandidateType.UNRECOVERED);
        assertNotNull(cameBack);
        assertEquals(stuck.patternKey(), cameBack.patternKey());
        assertTrue(cameBack.explanation().contains("came back after 2 h"), cameBack.explanation());
        assertTrue(cameBack.scoreTotal() < stuck.scoreTotal());
    }

    @Test
    void lifeCycleWordsNeverMakeAnUnrecoveredCandidateAndStayRoutine() {
        Feed feed = pairs("web-1", "sshd", Severity.INFO, "pam_unix(sshd:session): session closed for user deploy",
                "pam_unix(sshd:session): session opened for user deploy", 10, 60);
        feed.syslog(T0.plus(Duration.ofDays(6)), "web-1", "sshd", Severity.INFO,
                "pam_unix(sshd:session): session closed for user deploy");
        feed.syslog(T0.plus(Duration.ofDays(7)), "web-1", "sshd", Severity.INFO, "later");
        assertTrue(feed.all(CandidateType.UNRECOVERED).isEmpty());
        for (Assessment a : feed.all()) {
            assertTrue(a.scoreTotal() <= 0.44, a.type() + " " + a.breakdown());
        }
    }

    @Test
    void aBurstOfANewSignatureCountsOnceTheTenantHasHistory() {
        Feed feed = new Feed();
        for (int h = 0; h < 48; h++) {
            feed.syslog(T0.plus(Duration.ofHours(h)), "bastion", "sshd", Severity.INFO,
                    "Accepted publickey for deploy from 10.0.0.8 port 5000 ssh2");
        }
        Instant attack = T0.plus(Duration.ofDays(3));
        for (int i = 0; i < 80; i++) {
            feed.syslog(attack.plusMillis(7_500L * i), "bastion", "sshd", Severity.INFO,
                    "Failed password for invalid user oracle from 198.51.100.7 port 5" + i + " ssh2");
        }
        Assessment burst = last(feed.all(), CandidateType.BURST);
        assertNotNull(burst, "80 failures in 10 minutes of a signature new for the tenant are a burst");
        assertFalse(burst.breakdown().isRoutine());
        assertEquals(DecisionBand.REVIEW, burst.decisionBand(), burst.breakdown().toString());
    }

    @Test
    void aPairWithoutStateWordsIsLearnedFromTheStream() {
        Feed feed = new Feed();
        Instant t = T0;
        for (int i = 0; i < 10; i++) {
            for (int m = 0; m < 30; m++) {
                feed.syslog(t.plusSeconds(60L * m), "pbx-1", "asterisk", Severity.INFO, "Registry refreshed for trunk-a");
            }
            feed.syslog(t.plus(Duration.ofMinutes(31)), "pbx-1", "asterisk", Severity.WARNING,
                    "SIP trunk trunk-a: no reply to OPTIONS from 192.0.2.50");
            feed.syslog(t.plus(Duration.ofMinutes(33)), "pbx-1", "asterisk", Severity.NOTICE,
                    "Peer 'trunk-a' is now Reachable. (12ms / 2000ms)");
            t = t.plus(Duration.ofHours(6));
        }
        Assessment healed = last(feed.all(), CandidateType.SELF_HEAL);
        assertNotNull(healed, "no reply ... -> is now Reachable, learned after three times");
        assertTrue(healed.evidence().measures().get("episodes") >= 6, healed.explanation());
        assertTrue(healed.explanation().contains("came back within 2 min"), healed.explanation());
    }

    @Test
    void aFrequentMessageAfterAWarningIsNotLearnedAsItsRecovery() {
        Feed feed = new Feed();
        Instant t = T0;
        for (int i = 0; i < 10; i++) {
            feed.syslog(t, "web-1", "app", Severity.WARNING, "slow request to /api/orders");
            for (int s = 1; s < 600; s += 20) {
                feed.syslog(t.plusSeconds(s), "web-1", "app", Severity.INFO, "heartbeat ok from balancer");
            }
            t = t.plus(Duration.ofHours(1));
        }
        assertTrue(feed.all(CandidateType.SELF_HEAL).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "changed state from Established to Idle|FAILURE",
        "changed state from Idle to Established|RECOVERY",
        "Line protocol on Interface Gi0/1, changed state to down|FAILURE",
        "SNMP_TRAP_LINK_DOWN: ifIndex 530, ifAdminStatus up(1), ifOperStatus down(2), ifName xe-0/0/1|FAILURE",
        "SNMP_TRAP_LINK_UP: ifIndex 530, ifAdminStatus up(1), ifOperStatus up(1), ifName xe-0/0/1|RECOVERY",
        "UPS ups@localhost on battery|FAILURE",
        "Connection to 10.0.0.1 timed out|FAILURE",
        "Power is back. UPS running on mains.|RECOVERY",
        "zed: eid=12 class=statechange pool=tank vdev=sdb state=DEGRADED|FAILURE",
        "connection failed, retrying up to <*> times|NONE",
        "backup of <*> completed|NONE",
    })
    void stateIsReadInContext(String template, String expected) {
        StateWords.Reading r = StateWords.read(template);
        switch (expected) {
            case "FAILURE" -> assertInstanceOf(StateWords.Failure.class, r, template);
            case "RECOVERY" -> assertInstanceOf(StateWords.Recovery.class, r, template);
            default -> assertInstanceOf(StateWords.Stateless.class, r, template);
        }
    }
}
