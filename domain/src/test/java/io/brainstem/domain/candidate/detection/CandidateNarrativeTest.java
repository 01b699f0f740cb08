package io.brainstem.domain.candidate.detection;

import static io.brainstem.domain.candidate.detection.Feed.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.event.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CandidateNarrativeTest {

    private static Candidate candidate(Assessment a) {
        return Candidate.detect(Feed.TENANT, a.type(), a.patternKey(), a.title(), a.breakdown(), a.explanation(),
                a.evidence(), a.evidence().lastSeen());
    }

    @Test
    void selfHealSaysHowOftenItRecoveredAndWhyThatHides() {
        Feed feed = new Feed();
        for (int i = 0; i < 3; i++) {
            feed.syslog(T0.plus(Duration.ofHours(i)), "fw-01", "charon", Severity.WARNING, "VPN tunnel dropped");
            feed.syslog(T0.plus(Duration.ofHours(i)).plusSeconds(20), "fw-01", "charon", Severity.INFO,
                    "VPN tunnel recovered");
        }
        Assessment a = feed.all(CandidateType.SELF_HEAL).getLast();
        assertEquals("It failed and recovered by itself 3 times on fw-01, so alerting stays quiet while the fault "
                + "keeps coming back.", CandidateNarrative.whyItMatters(candidate(a)));
    }

    @Test
    void recurrenceSaysItIsAPattern() {
        Feed feed = new Feed();
        feed.syslog(T0, "fw-01", "sshd", Severity.INFO, "session opened");
        Assessment a = feed.syslog(T0.plusSeconds(1), "fw-02", "sshd", Severity.INFO, "session opened").getFirst();
        assertEquals("It has happened twice on fw-01 and fw-02, so it is a pattern rather than a one-off.",
                CandidateNarrative.whyItMatters(candidate(a)));
    }

    @Test
    void urgentCandidatesSayANeedsAPersonNow() {
        Feed feed = new Feed();
        for (int m = 0; m < 12; m++) {
            feed.syslog(T0.plusSeconds(60L * m), "fw-01", "kernel", Severity.CRIT, "ECC error on DIMM A");
        }
        for (int i = 0; i < 40; i++) {
            feed.syslog(T0.plusSeconds(720L + i), "fw-" + (i % 10), "kernel", Severity.CRIT, "ECC error on DIMM A");
        }
        Assessment a = feed.all(CandidateType.BURST).getLast();
        assertEquals("Needs a person now: its rate jumped to 40.0 times its usual on fw-0, fw-1, fw-2 and 7 more "
                + "hosts, which usually means something has just changed.", CandidateNarrative.whyItMatters(candidate(a)));
    }
}
