package io.brainstem.domain.candidate.detection;

import static io.brainstem.domain.candidate.detection.Feed.T0;
import static io.brainstem.domain.candidate.detection.Feed.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.event.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ADR 31: companion lines are not learned recoveries; the daily rise; periodic warnings; unrecovered's past. */
class OutcomesCompanionsAndRisesTest {

    private static final Instant DAY0 = Instant.parse("2026-03-15T00:00:00Z");

    @Test
    void aLineASecondAfterEveryFailureIsPartOfItsReportNotItsRecovery() {
        Feed feed = new Feed();
        List<Assessment> all = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            for (int port = 5; port < 10; port++) {
                Instant down = DAY0.plus(Duration.ofDays(d)).plus(Duration.ofHours(17)).plusSeconds(port * 300L);
                all.addAll(feed.syslog(down, "leaf-01", "Ebra", Severity.ERR, "%LINK-3-UPDOWN: Interface Ethernet"
                        + port + ", changed state to down"));
                all.addAll(feed.syslog(down.plusSeconds(1), "leaf-01", "Stp", Severity.INFO,
                        "%SPANTREE-6-INTERFACE_STATE: Interface Ethernet" + port
                                + " instance MST0 moving from forwarding to disabled"));
            }
        }
        assertTrue(only(all, CandidateType.SELF_HEAL).isEmpty(), "no one-second self-heals: "
                + only(all, CandidateType.SELF_HEAL));
    }

    @Test
    void aLineThatAlsoFollowsRecoveriesIsNeverLearnedAsARecovery() {
        Feed feed = new Feed();
        List<Assessment> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant t = T0.plus(Duration.ofHours(3L * i));
            all.addAll(feed.syslog(t, "cl-01", "corosync", Severity.INFO, "[KNET] link: host: 3 link: 0 is down"));
            all.addAll(feed.syslog(t.plusSeconds(5), "cl-01", "corosync", Severity.INFO,
                    "[KNET] host: host: 3 (passive) best link: 1 (pri: 1)"));
            all.addAll(feed.syslog(t.plusSeconds(40), "cl-01", "corosync", Severity.INFO,
                    "[KNET] rx: host: 3 link: 0 is up"));
            all.addAll(feed.syslog(t.plusSeconds(45), "cl-01", "corosync", Severity.INFO,
                    "[KNET] host: host: 3 (passive) best link: 0 (pri: 1)"));
        }
        Assessment last = only(all, CandidateType.SELF_HEAL).getLast();
        assertTrue(last.title().contains("is down and up") || last.explanation().contains("came back within 40 s"),
                last.title() + " :: " + last.explanation());
    }

    @Test
    void aRateRisingOverDaysIsBurstEvidenceAndNoSteadyBackground() {
        Feed feed = new Feed();
        Assessment last = null;
        for (int d = 0; d < 7; d++) {
            int perDay = d < 4 ? 24 : 24 * (1 << (2 * (d - 3)));
            for (int i = 0; i < perDay; i++) {
                Instant t = DAY0.plus(Duration.ofDays(d)).plusSeconds(86_400L * i / perDay + 7);
                List<Assessment> r = only(feed.syslog(t, "leaf-02", "Ebra", Severity.WARNING,
                        "%ETH-4-HOST_FLAPPING: Host 00:1c:73:4e:9a:21 in VLAN 120 is flapping between interface "
                                + "Ethernet7 and interface Port-Channel1"), CandidateType.RECURRENCE);
                if (!r.isEmpty()) {
                    last = r.getLast();
                }
                if (d == 3 && i == perDay - 1) {
                    assertTrue(last.breakdown().isRoutine(), "a steady warning is routine while its rate holds");
                    assertEquals(0.0, last.breakdown().burst());
                }
            }
        }
        assertFalse(last.breakdown().isRoutine(), "rising: no steady background");
        assertTrue(last.breakdown().burst() > 0.5, String.valueOf(last.breakdown()));
        assertTrue(last.explanation().contains("Its rate rose"), last.explanation());
        assertTrue(last.evidence().measures().get("daily_rise") >= 4, String.valueOf(last.evidence().measures()));
    }

    @Test
    void dailyRateReadsNothingWithoutEnoughDaysAndOneForASteadyRate() {
        DailyRate rate = new DailyRate();
        for (int d = 0; d < 3; d++) {
            for (int i = 0; i < 48; i++) {
                rate.observe(DAY0.plus(Duration.ofDays(d)).plusSeconds(1800L * i));
            }
        }
        assertEquals(1.0, rate.rise(), "first whole day and two recent days: no baseline yet");
        for (int d = 3; d < 8; d++) {
            for (int i = 0; i < 48; i++) {
                rate.observe(DAY0.plus(Duration.ofDays(d)).plusSeconds(1800L * i));
            }
        }
        assertEquals(1.0, rate.rise(), 0.01);
        for (int i = 0; i < 400; i++) {
            rate.observe(DAY0.plus(Duration.ofDays(8)).plusSeconds(200L * i));
        }
        assertEquals((48 + 400) / 96.0, rate.rise(), 0.01);
    }

    @Test
    void aNightlyWarningComesAndGoesByItself() {
        Feed feed = new Feed();
        Assessment last = null;
        for (int d = 0; d < 5; d++) {
            for (Assessment a : only(feed.syslog(DAY0.plus(Duration.ofDays(d)).plus(Duration.ofMinutes(250 + d)),
                    "log-01", "ntpd", Severity.WARNING, "kernel reports TIME_ERROR: 0x41: Clock Unsynchronized"),
                    CandidateType.RECURRENCE)) {
                last = a;
            }
        }
        assertEquals(1.0, last.breakdown().periodicity());
        assertEquals(0.5, last.breakdown().recovery());
        assertTrue(last.explanation().contains("goes away by itself"), last.explanation());
    }

    @Test
    void anUnrecoveredFailureWeighsHowOftenItCameBackBefore() {
        Feed feed = new Feed();
        for (int i = 0; i < 20; i++) {
            Instant t = T0.plus(Duration.ofHours(i));
            feed.syslog(t, "sw-01", "kernel", Severity.ERR, "link eth0 down");
            feed.syslog(t.plusSeconds(20), "sw-01", "kernel", Severity.INFO, "link eth0 up");
        }
        Instant dead = T0.plus(Duration.ofHours(21));
        feed.syslog(dead, "sw-01", "kernel", Severity.ERR, "link eth0 down");
        List<Assessment> late = only(feed.syslog(dead.plus(Duration.ofMinutes(10)), "sw-01", "cron", Severity.INFO,
                "tick"), CandidateType.UNRECOVERED);
        assertEquals(1, late.size());
        assertEquals(1.0, late.getFirst().breakdown().recurrence(), "it came back 20 times before");
        assertEquals(20.0, late.getFirst().evidence().measures().get("recoveries_before"));
        assertTrue(late.getFirst().explanation().contains("came back 20 times"), late.getFirst().explanation());
    }
}
