package io.brainstem.domain.candidate.detection;

import static io.brainstem.domain.candidate.detection.Feed.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateId;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.shared.DomainViolation;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateDetectorTest {

    /** A morning on a small network: a flapping link, a self-healing tunnel, a burst, repeats. */
    private static void morning(Feed feed) {
        Instant t = T0;
        for (int m = 0; m < 15; m++) {
            feed.syslog(t, "fw-01", "kernel", Severity.WARNING, "ECC error corrected on DIMM A");
            feed.syslog(t.plusSeconds(5), "fw-01", "charon", Severity.WARNING, "VPN tunnel dropped");
            feed.syslog(t.plusSeconds(30), "fw-01", "charon", Severity.INFO, "VPN tunnel recovered");
            feed.syslog(t.plusSeconds(10), "sw-01", "kernel", Severity.WARNING,
                    m % 2 == 0 ? "link eth0 down" : "link eth0 up");
            feed.syslog(t.plusSeconds(40), "sw-01", "kernel", Severity.WARNING,
                    m % 2 == 0 ? "link eth0 up" : "link eth0 down");
            t = t.plusSeconds(60);
        }
        for (int i = 0; i < 12; i++) {
            feed.syslog(t.plusSeconds(i), "fw-0" + (i % 3), "kernel", Severity.ERR, "ECC error corrected on DIMM A");
        }
        feed.logicMonitor(t.plusSeconds(20), "edge-fw-01", "IPSec Tunnel", "VPN tunnel dropped and recovered",
                Map.of());
    }

    @Test
    void noDuplicateCandidateForSamePattern() {
        Feed feed = new Feed();
        morning(feed);
        Map<CandidateId, Candidate> candidates = new LinkedHashMap<>();
        for (Assessment a : feed.all()) {
            CandidateId id = CandidateId.forPattern(Feed.TENANT.value(), a.type().wireName() + ":" + a.patternKey());
            Candidate existing = candidates.get(id);
            if (existing == null) {
                candidates.put(id, Candidate.detect(Feed.TENANT, a.type(), a.patternKey(), a.title(), a.breakdown(),
                        a.explanation(), a.evidence(), a.evidence().lastSeen()));
            } else {
                existing.reassess(a.title(), a.breakdown(), a.explanation(), a.evidence(), a.evidence().lastSeen());
            }
        }
        long distinctPatterns = feed.all().stream().map(a -> a.type() + " " + a.patternKey()).distinct().count();

        assertEquals(distinctPatterns, candidates.size());
        for (CandidateType type : CandidateType.values()) {
            if (type == CandidateType.UNRECOVERED) {
                continue; // needs a failure that stays down; UnrecoveredDetectionTest
            }
            assertTrue(candidates.values().stream().anyMatch(c -> c.type() == type), "a " + type + " candidate");
        }
        assertEquals(1, candidates.values().stream().filter(c -> c.type() == CandidateType.SELF_HEAL
                && c.patternKey().contains("|fw-01|charon")).count(), "fifteen tunnel episodes, one candidate");
        assertTrue(feed.all().size() > candidates.size(), "patterns were reassessed, not duplicated");
    }

    @Test
    void oneEventGivesAtMostOneAssessmentPerType() {
        Feed checked = new Feed();
        Instant t = T0;
        for (int i = 0; i < 40; i++) {
            List<Assessment> result = checked.syslog(t.plusSeconds(i), "fw-01", "charon", Severity.WARNING,
                    i % 2 == 0 ? "VPN tunnel dropped" : "VPN tunnel recovered");
            assertEquals(result.stream().map(Assessment::type).distinct().count(), result.size());
        }
    }

    @Test
    void deterministicReplay() {
        Feed first = new Feed();
        Feed second = new Feed();
        morning(first);
        morning(second);

        assertFalse(first.all().isEmpty());
        assertEquals(first.all(), second.all());
    }

    @Test
    void warmingAFreshDetectorWithTheSameEventsGivesTheSameNextAssessment() {
        Feed live = new Feed();
        morning(live);
        Feed warmed = new Feed();
        morning(warmed); // a restart replays the same stored events; results ignored
        List<Assessment> liveNext = live.syslog(T0.plusSeconds(3600), "fw-01", "charon", Severity.WARNING,
                "VPN tunnel dropped");
        List<Assessment> warmedNext = warmed.syslog(T0.plusSeconds(3600), "fw-01", "charon", Severity.WARNING,
                "VPN tunnel dropped");
        assertEquals(liveNext, warmedNext);
    }

    @Test
    void boundedMemory() {
        int cap = 16;
        CandidateDetector detector = new CandidateDetector(DetectionSettings.defaults().withMaxTrackedKeys(cap));
        Feed feed = new Feed(detector);
        Instant t = T0;
        for (int i = 0; i < 2_000; i++) {
            String host = "host-" + (char) ('a' + i % 26) + (char) ('a' + i / 26 % 26);
            feed.syslog(t, host, "svc" + (char) ('a' + i % 7), Severity.WARNING, "service alpha" + (char) ('a' + i % 26)
                    + (char) ('a' + i / 26 % 26) + " stopped");
            feed.syslog(t.plusSeconds(1), host, "svc" + (char) ('a' + i % 7), Severity.INFO,
                    "service alpha" + (char) ('a' + i % 26) + (char) ('a' + i / 26 % 26) + " started");
            t = t.plusSeconds(2);
        }
        assertTrue(detector.trackedKeys() <= 21 * cap, "held " + detector.trackedKeys());
        assertTrue(detector.trackedKeys() > 0);
    }

    @Test
    void anEvictedOpenFailureNoLongerPairs() {
        CandidateDetector detector = new CandidateDetector(DetectionSettings.defaults().withMaxTrackedKeys(16));
        Feed feed = new Feed(detector);
        feed.syslog(T0, "fw-01", "charon", Severity.WARNING, "VPN tunnel dropped");
        for (int i = 0; i < 20; i++) {
            feed.syslog(T0.plusSeconds(1), "sw-" + (char) ('a' + i), "kernel", Severity.WARNING, "link eth0 down");
        }
        List<Assessment> recovered = feed.syslog(T0.plusSeconds(40), "fw-01", "charon", Severity.INFO,
                "VPN tunnel recovered");
        assertTrue(Feed.only(recovered, CandidateType.SELF_HEAL).isEmpty(),
                "the oldest open failure was evicted by twenty newer ones");
    }

    @Test
    void rejectsAnotherTenantsEvent() {
        Feed feed = new Feed();
        feed.syslog(T0, "fw-01", "charon", Severity.INFO, "VPN tunnel recovered");
        TenantId other = TenantId.of("other");
        SignatureId sid = SignatureId.derive("other", "hello");
        Signature s = Signature.first(sid, other, "hello", "hello", T0, "h", null, EventFamily.GENERIC);
        CanonicalEvent e = new CanonicalEvent(new RawEnvelopeId(99), other, "syslog", null, null, T0, "h", null,
                Severity.INFO, null, "hello", EventFamily.GENERIC, sid, Map.of(), Map.of(), new ParserInfo("t", "1"),
                T0);
        assertThrows(DomainViolation.class, () -> feed.detector().observe(e, s, 2));
    }

    @Test
    void rejectsASignatureThatIsNotTheEvents() {
        SignatureId sid = SignatureId.derive("acme", "hello");
        Signature s = Signature.first(SignatureId.derive("acme", "other"), Feed.TENANT, "other", "other", T0, "h",
                null, EventFamily.GENERIC);
        CanonicalEvent e = new CanonicalEvent(new RawEnvelopeId(1), Feed.TENANT, "syslog", null, null, T0, "h", null,
                Severity.INFO, null, "hello", EventFamily.GENERIC, sid, Map.of(), Map.of(), new ParserInfo("t", "1"),
                T0);
        assertThrows(DomainViolation.class, () -> new CandidateDetector().observe(e, s, 2));
    }

    @Test
    void rejectsAThresholdBelowOne() {
        Feed feed = new Feed().threshold(0);
        assertThrows(DomainViolation.class,
                () -> feed.syslog(T0, "fw-01", "charon", Severity.INFO, "VPN tunnel recovered"));
    }
}
