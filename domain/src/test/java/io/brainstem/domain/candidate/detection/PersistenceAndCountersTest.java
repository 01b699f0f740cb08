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
import org.junit.jupiter.api.Test;

/** A self-heal that comes back day after day, and values that count rather than name (ADR 41). */
class PersistenceAndCountersTest {

    private static Assessment lastSelfHeal(Feed feed, int[] days) {
        Assessment last = null;
        for (int d : days) {
            Instant t = T0.plus(Duration.ofDays(d)).plus(Duration.ofMinutes(37L * d));
            feed.syslog(t, "ha-fw-1", "ha_monitor", Severity.WARNING, "Peer link Down");
            List<Assessment> healed = only(feed.syslog(t.plusSeconds(40), "ha-fw-1", "ha_monitor", Severity.NOTICE,
                    "Peer link Up"), CandidateType.SELF_HEAL);
            if (!healed.isEmpty()) {
                last = healed.getLast();
            }
        }
        return last;
    }

    @Test
    void daysSeenCountsDistinctDaysOverTheSpan() {
        DaysSeen days = new DaysSeen();
        for (int d : new int[] {0, 0, 1, 3, 5}) {
            days.observe(T0.plus(Duration.ofDays(d)));
        }

        assertEquals(4, days.days());
        assertEquals(6, days.span());
        assertEquals(4.0 / 6, days.persistence(), 1e-9);
    }

    @Test
    void twoDaysSayNothingAboutPersistence() {
        DaysSeen days = new DaysSeen();
        days.observe(T0);
        days.observe(T0.plus(Duration.ofDays(1)));

        assertEquals(0, days.persistence());
    }

    @Test
    void aSelfHealOnMostDaysGainsPersistenceAndSaysSo() {
        Assessment daily = lastSelfHeal(new Feed(), new int[] {0, 1, 2, 4, 5});

        assertEquals(0.8333, daily.breakdown().periodicity());
        assertEquals(5.0, daily.evidence().measures().get("days_with_episodes"));
        assertEquals(6.0, daily.evidence().measures().get("days_spanned"));
        assertTrue(daily.explanation().contains("It happened on 5 of the 6 days from its first episode to its last."),
                daily.explanation());
        assertEquals(DecisionBand.REVIEW, DecisionBand.forScore(daily.breakdown().total()), daily.breakdown().toString());
    }

    @Test
    void theSameEpisodesInOneDayGainNothing() {
        Feed feed = new Feed();
        Assessment last = null;
        for (int i = 0; i < 5; i++) {
            Instant t = T0.plus(Duration.ofHours(2L * i));
            feed.syslog(t, "ha-fw-1", "ha_monitor", Severity.WARNING, "Peer link Down");
            last = only(feed.syslog(t.plusSeconds(40), "ha-fw-1", "ha_monitor", Severity.NOTICE, "Peer link Up"),
                    CandidateType.SELF_HEAL).getLast();
        }

        assertEquals(0, last.breakdown().periodicity());
        assertFalse(last.explanation().contains("days from its first episode"));
    }

    @Test
    void aCompoundHoldingACounterIsNotAnEntity() {
        assertFalse(Subjects.isEntity("732086400s/0x0002/FATAL"));
        assertFalse(Subjects.isEntity("1234567"));
        assertTrue(Subjects.isEntity("GigabitEthernet0/12"));
        assertTrue(Subjects.isEntity("e0x20/s5"));
        assertTrue(Subjects.isEntity("203.0.113.10"));
    }

    @Test
    void aFailureAndRecoveryWithChangingUptimesPairOnTheirSubject() {
        Feed feed = new Feed();
        feed.syslog(T0, "stor-01", "kernel", Severity.CRIT,
                "megaraid_sas 0000:03:00.0: 6101 (732000000s/0x0001/CRIT) - VD 01/1 is now DEGRADED");
        List<Assessment> healed = only(feed.syslog(T0.plus(Duration.ofMinutes(12)), "stor-01", "kernel",
                Severity.INFO, "megaraid_sas 0000:03:00.0: 6103 (732000720s/0x0001/INFO) - VD 01/1 is now OPTIMAL"),
                CandidateType.SELF_HEAL);

        assertEquals(1, healed.size());
        assertTrue(healed.getFirst().explanation().contains("it came back after 12 min"), healed.getFirst().explanation());
    }
}
