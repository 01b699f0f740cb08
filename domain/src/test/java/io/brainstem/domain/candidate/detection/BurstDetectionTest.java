package io.brainstem.domain.candidate.detection;

import static io.brainstem.domain.candidate.detection.Feed.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.event.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurstDetectionTest {

    private static final String MESSAGE = "ECC error corrected on DIMM A";

    /** One event a minute for {@code minutes} minutes, on fw-01. */
    private static Instant quietPeriod(Feed feed, int minutes, Severity severity) {
        Instant t = T0;
        for (int m = 0; m < minutes; m++) {
            feed.syslog(t, "fw-01", "kernel", severity, MESSAGE);
            t = t.plusSeconds(60);
        }
        return t;
    }

    @Test
    void burstAboveBaseline() {
        Feed feed = new Feed();
        Instant burstMinute = quietPeriod(feed, 15, Severity.WARNING);
        for (int i = 0; i < 20; i++) {
            feed.syslog(burstMinute.plusSeconds(i), "fw-01", "kernel", Severity.WARNING, MESSAGE);
        }
        List<Assessment> bursts = feed.all(CandidateType.BURST);

        assertEquals(16, bursts.size(), "from the 5th event of the minute (5 >= 4 x 1 and >= 5) to the 20th");
        Assessment last = bursts.getLast();
        assertEquals("burst:" + feed.signatureId(MESSAGE), last.patternKey());
        assertEquals(20, last.evidence().eventCount());
        assertEquals(20.0, last.evidence().measures().get("burst_count"));
        assertEquals(20.0, last.evidence().measures().get("burst_ratio"));
        assertTrue(last.explanation().startsWith("'" + MESSAGE + "' came 20 times in the minute from Mar 15 03:15 UTC "
                + "on fw-01, against a usual 1.0 a minute (20.0x; a burst needs 4.0x and at least 5)"),
                last.explanation());
    }

    @Test
    void noBurstForSteadyRate() {
        Feed feed = new Feed();
        Instant t = T0;
        for (int m = 0; m < 30; m++) {
            for (int i = 0; i < 10; i++) {
                feed.syslog(t.plusSeconds(i * 6L), "fw-01", "kernel", Severity.WARNING, MESSAGE);
            }
            t = t.plusSeconds(60);
        }
        assertTrue(feed.all(CandidateType.BURST).isEmpty());
    }

    @Test
    void firstEventsOfANewSignatureAreNoBurst() {
        Feed feed = new Feed();
        for (int i = 0; i < 50; i++) {
            feed.syslog(T0.plusSeconds(i), "fw-01", "kernel", Severity.ERR, MESSAGE);
        }
        assertTrue(feed.all(CandidateType.BURST).isEmpty());
    }

    @Test
    void criticalSignatureBurstingOnManyHostsIsUrgent() {
        Feed feed = new Feed();
        Instant burstMinute = quietPeriod(feed, 12, Severity.CRIT);
        for (int i = 0; i < 40; i++) {
            feed.syslog(burstMinute.plusSeconds(i), "fw-" + (i % 10), "kernel", Severity.CRIT, MESSAGE);
        }
        Assessment last = feed.all(CandidateType.BURST).getLast();

        assertEquals(DecisionBand.URGENT_HUMAN_REVIEW, last.decisionBand(), "score " + last.scoreTotal());
        assertEquals(1.0, last.breakdown().spread());
        assertEquals(1.0, last.breakdown().burst());
    }

    @Test
    void aGapLowersTheBaselineSoAComebackCanBurst() {
        Feed feed = new Feed();
        Instant t = T0;
        for (int m = 0; m < 15; m++) {
            for (int i = 0; i < 3; i++) {
                feed.syslog(t.plusSeconds(i), "fw-01", "kernel", Severity.WARNING, MESSAGE);
            }
            t = t.plusSeconds(60);
        }
        assertTrue(feed.all(CandidateType.BURST).isEmpty());
        Instant afterGap = t.plusSeconds(60 * 60);
        for (int i = 0; i < 6; i++) {
            feed.syslog(afterGap.plusSeconds(i), "fw-01", "kernel", Severity.WARNING, MESSAGE);
        }
        assertEquals(2, feed.all(CandidateType.BURST).size(), "5th and 6th event after an hour of silence");
    }
}
