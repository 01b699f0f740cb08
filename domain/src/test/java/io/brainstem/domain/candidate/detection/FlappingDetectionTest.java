package io.brainstem.domain.candidate.detection;

import static io.brainstem.domain.candidate.detection.Feed.T0;
import static io.brainstem.domain.candidate.detection.Feed.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.event.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlappingDetectionTest {

    private static List<Assessment> flapping(List<Assessment> assessments) {
        return only(assessments, CandidateType.FLAPPING);
    }

    private static List<Assessment> link(Feed feed, Instant at, boolean up) {
        return flapping(feed.syslog(at, "sw-01", "kernel", up ? Severity.INFO : Severity.WARNING,
                up ? "link eth0 up" : "link eth0 down"));
    }

    private static double percent(Assessment a) {
        return a.evidence().measures().get("percent_state_change");
    }

    private static boolean isFlapping(Assessment a) {
        return a.evidence().measures().get("flapping") == 1.0;
    }

    @Test
    void flappingWithHysteresis() {
        Feed feed = new Feed();
        Instant t = T0;
        // ten alternating observations: nine changes reach 50.2% on the newest weights; nine reach only 45%
        for (int i = 0; i < 9; i++) {
            assertTrue(link(feed, t, i % 2 == 1).isEmpty(), "observation " + (i + 1) + " must not flap yet");
            t = t.plusSeconds(30);
        }
        List<Assessment> started = link(feed, t, true);
        assertEquals(1, started.size());
        assertTrue(isFlapping(started.getFirst()));
        assertTrue(percent(started.getFirst()) > 50, "started above the high mark");
        assertTrue(started.getFirst().explanation().startsWith("link eth0 down and up on sw-01 (kernel) is flapping: 9 "
                + "state changes since Mar 15 03:00 UTC; weighted state change 50% over the last 10 states"),
                started.getFirst().explanation());

        // the link stays up: each steady observation pushes changes towards the old, light end, then out
        boolean sawHysteresis = false;
        Assessment stopped = null;
        for (int i = 0; i < 30 && stopped == null; i++) {
            t = t.plusSeconds(30);
            List<Assessment> a = link(feed, t, true);
            assertEquals(1, a.size(), "a flapping subject is reassessed on every observation until it stops");
            double p = percent(a.getFirst());
            if (isFlapping(a.getFirst())) {
                assertTrue(p >= 25, "still flapping only while at or above the low mark, was " + p);
                sawHysteresis |= p < 50;
            } else {
                assertTrue(p < 25, "stops only below the low mark, was " + p);
                stopped = a.getFirst();
            }
        }
        assertTrue(sawHysteresis, "stayed flapping between the low and the high mark");
        assertTrue(stopped != null, "stopped flapping");
        assertTrue(stopped.explanation().contains("stopped flapping at Mar 15"), stopped.explanation());
        assertTrue(stopped.title().startsWith("Stopped flapping: "));

        t = t.plusSeconds(30);
        assertTrue(link(feed, t, true).isEmpty(), "no reassessment once it has stopped");
        assertEquals(1, feed.all(CandidateType.FLAPPING).stream().map(Assessment::patternKey).distinct().count());
    }

    @Test
    void stoppingFlappingLowersTheScore() {
        Feed feed = new Feed();
        Instant t = T0;
        for (int i = 0; i < 16; i++) {
            link(feed, t, i % 2 == 1);
            t = t.plusSeconds(30);
        }
        double flappingScore = feed.all(CandidateType.FLAPPING).getLast().scoreTotal();
        for (int i = 0; i < 40; i++) {
            link(feed, t, true);
            t = t.plusSeconds(30);
        }
        Assessment last = feed.all(CandidateType.FLAPPING).getLast();
        assertTrue(!isFlapping(last));
        assertTrue(last.scoreTotal() < flappingScore, last.scoreTotal() + " vs " + flappingScore);
    }

    @Test
    void stateChangesSpreadBeyondTheLookBackDoNotFlap() {
        Feed feed = new Feed();
        Instant t = T0;
        for (int i = 0; i < 30; i++) {
            assertTrue(link(feed, t, i % 2 == 1).isEmpty());
            t = t.plus(Duration.ofMinutes(31));
        }
    }

    @Test
    void differentInterfacesAreDifferentSubjects() {
        Feed feed = new Feed();
        Instant t = T0;
        for (int i = 0; i < 12; i++) {
            String iface = "eth" + (i / 2 % 2);
            String state = i % 2 == 0 ? "down" : "up";
            assertTrue(flapping(feed.syslog(t, "sw-01", "kernel", Severity.WARNING, "link " + iface + " " + state))
                    .isEmpty(), "each interface changed state only a few times");
            t = t.plusSeconds(30);
        }
    }
}
