package io.brainstem.domain.candidate.detection;

import static io.brainstem.domain.candidate.detection.Feed.T0;
import static io.brainstem.domain.candidate.detection.Feed.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.event.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceDetectionTest {

    @Test
    void recurrenceAtThreshold() {
        Feed feed = new Feed().threshold(3);

        assertTrue(only(feed.syslog(T0, "fw-01", "sshd", Severity.INFO, "session opened"),
                CandidateType.RECURRENCE).isEmpty());
        assertTrue(only(feed.syslog(T0.plusSeconds(60), "fw-02", "sshd", Severity.INFO, "session opened"),
                CandidateType.RECURRENCE).isEmpty());
        List<Assessment> third = only(feed.syslog(T0.plusSeconds(120), "fw-01", "sshd", Severity.INFO,
                "session opened"), CandidateType.RECURRENCE);

        assertEquals(1, third.size());
        Assessment a = third.getFirst();
        assertEquals("recurrence:" + feed.signatureId("session opened"), a.patternKey());
        assertEquals(3, a.evidence().eventCount());
        assertEquals(List.of(feed.signatureId("session opened")), a.evidence().signatureIds());
        assertEquals(List.of("fw-01", "fw-02"), a.evidence().hosts());
        assertEquals(List.of(1L, 2L, 3L), a.evidence().sampleEventIds());
        assertEquals(T0, a.evidence().firstSeen());
        assertEquals(T0.plusSeconds(120), a.evidence().lastSeen());
        assertEquals("Recurring: session opened", a.title());
    }

    @Test
    void everyFurtherSightingReassessesTheSameRecurrence() {
        Feed feed = new Feed();
        for (int i = 0; i < 5; i++) {
            feed.syslog(T0.plusSeconds(i * 60L), "fw-01", "kernel", Severity.WARNING, "disk sda nearly full");
        }
        List<Assessment> recurrences = feed.all(CandidateType.RECURRENCE);
        assertEquals(4, recurrences.size(), "sightings 2..5");
        assertEquals(1, recurrences.stream().map(Assessment::patternKey).distinct().count());
        assertEquals(5, recurrences.getLast().evidence().eventCount());
    }

    @Test
    void singleRecurrenceOfAnInfoMessageIsNotWorthReview() {
        Feed feed = new Feed();
        feed.syslog(T0, "fw-01", "charon", Severity.INFO, "VPN tunnel recovered");
        Assessment a = only(feed.syslog(T0.plusSeconds(10), "fw-01", "charon", Severity.INFO,
                "VPN tunnel recovered"), CandidateType.RECURRENCE).getFirst();

        assertTrue(a.decisionBand() == DecisionBand.IGNORE || a.decisionBand() == DecisionBand.WATCH,
                "was " + a.decisionBand() + " at " + a.scoreTotal());
    }

    @Test
    void anErrorSeenTwiceIsWorthWatching() {
        Feed feed = new Feed();
        feed.syslog(T0, "db-01", "postgres", Severity.ERR, "could not write to file pg_wal");
        Assessment a = only(feed.syslog(T0.plusSeconds(10), "db-01", "postgres", Severity.ERR,
                "could not write to file pg_wal"), CandidateType.RECURRENCE).getFirst();

        assertEquals(DecisionBand.WATCH, a.decisionBand(), "score " + a.scoreTotal());
    }

    @Test
    void recurrenceExplanationSaysWhatHowOftenWhereAndTheThreshold() {
        Feed feed = new Feed();
        feed.syslog(T0, "fw-01", "kernel", Severity.ERR, "I/O error on sda sector 42");
        feed.syslog(T0.plusSeconds(30), "fw-02", "kernel", Severity.WARNING, "I/O error on sda sector 43");
        Assessment a = only(feed.syslog(T0.plusSeconds(90), "fw-03", "kernel", Severity.WARNING,
                "I/O error on sda sector 44"), CandidateType.RECURRENCE).getFirst();

        assertEquals("'I/O error on sda sector <*>' has happened 3 times since Mar 15 03:00 UTC on fw-01, fw-02 and "
                + "fw-03, most severely at err; the recurrence threshold is 2.", a.explanation());
    }
}
