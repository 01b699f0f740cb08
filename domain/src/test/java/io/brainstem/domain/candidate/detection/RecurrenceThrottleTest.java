package io.brainstem.domain.candidate.detection;

import static io.brainstem.domain.candidate.detection.Feed.T0;
import static io.brainstem.domain.candidate.detection.Feed.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code recurrence} candidate is reassessed only when a sighting changes it materially (the rule on
 * {@link RecurrenceRule}); everything else the detector says is unchanged. Checked against the same detector
 * reassessing on every sighting.
 */
class RecurrenceThrottleTest {

    @Test
    void onMixedStreamsOnlyRecurrenceReassessmentsAreLeftOutAndOnlyWhenNothingMaterialChanged() {
        compare(DetectionSettings.defaults(), MixedStream.generate(42, 60_000));
        compare(DetectionSettings.defaults().withMaxTrackedKeys(16), MixedStream.generate(7, 20_000));
    }

    private static void compare(DetectionSettings settings, List<MixedStream.Step> steps) {
        CandidateDetector throttled = new CandidateDetector(settings);
        CandidateDetector every = new CandidateDetector(settings, false);
        Map<String, Signature> signatures = new HashMap<>();
        Map<String, Assessment> stored = new HashMap<>();
        int left = 0;
        int kept = 0;
        for (MixedStream.Step s : steps) {
            CanonicalEvent e = s.event();
            Signature sig = signatures.get(s.signatureKey());
            if (sig == null) {
                sig = Signature.first(e.signatureId(), MixedStream.TENANT, s.template(), e.message(), e.timestamp(),
                        e.host(), e.service(), e.eventFamily());
                signatures.put(s.signatureKey(), sig);
            } else {
                sig.recordOccurrence(s.template(), e.timestamp(), e.host(), e.service());
            }
            List<Assessment> a = throttled.observe(e, sig, s.threshold());
            List<Assessment> b = every.observe(e, sig, s.threshold());
            assertEquals(without(b, CandidateType.RECURRENCE), without(a, CandidateType.RECURRENCE));
            List<Assessment> ra = only(a, CandidateType.RECURRENCE);
            List<Assessment> rb = only(b, CandidateType.RECURRENCE);
            assertTrue(ra.size() <= rb.size());
            if (!ra.isEmpty()) {
                assertEquals(rb, ra, "a reassessment is the one the unthrottled detector gives");
                stored.put(ra.getFirst().patternKey(), ra.getFirst());
                kept++;
            } else if (!rb.isEmpty()) {
                Assessment now = rb.getFirst();
                Assessment last = stored.get(now.patternKey());
                assertTrue(last != null, "the first assessment of a pattern is never left out");
                assertImmaterial(last, now);
                left++;
            }
        }
        assertTrue(left > 0 && kept > 0, "left out " + left + ", kept " + kept);
    }

    /** What the stored assessment shows is what the left-out one would show, but for a count within 1%. */
    private static void assertImmaterial(Assessment stored, Assessment now) {
        long n = now.evidence().eventCount();
        long m = stored.evidence().eventCount();
        assertTrue(n >= m && n - m < Math.max(1, m / 100), "count " + m + " stored, " + n + " now");
        assertEquals(stored.breakdown(), now.breakdown());
        assertEquals(stored.title(), now.title());
        assertEquals(stored.evidence().hosts(), now.evidence().hosts());
        assertEquals(stored.evidence().firstSeen(), now.evidence().firstSeen());
        assertEquals(stored.evidence().measures().get("threshold"), now.evidence().measures().get("threshold"));
        assertEquals(stored.evidence().measures().get("distinct_hosts"),
                now.evidence().measures().get("distinct_hosts"));
        assertTrue(Duration.between(stored.evidence().lastSeen(), now.evidence().lastSeen()).toSeconds()
                < RecurrenceRule.REFRESH_SECONDS, "last seen within the refresh interval");
        assertEquals(stored.explanation().replace(" " + m + " times ", " N times "),
                now.explanation().replace(" " + n + " times ", " N times "));
    }

    private static List<Assessment> without(List<Assessment> all, CandidateType type) {
        return all.stream().filter(a -> a.type() != type).toList();
    }

    @Test
    void aSteadyRepeatIsReassessedAtEveryOnePercentAndAtLeastOnceAMinute() {
        Feed feed = new Feed();
        int sightings = 20_000;
        for (int i = 0; i < sightings; i++) {
            feed.syslog(T0.plusMillis(100L * i), "app-01", "app", Severity.INFO, "cache refreshed");
        }
        List<Assessment> all = feed.all(CandidateType.RECURRENCE);
        List<Long> counts = new ArrayList<>();
        all.forEach(a -> counts.add(a.evidence().eventCount()));
        for (long n = 2; n <= 200; n++) {
            assertTrue(counts.contains(n), "below 200 every sighting: " + n);
        }
        for (int i = 1; i < all.size(); i++) {
            long step = counts.get(i) - counts.get(i - 1);
            assertTrue(step >= 1 && step <= Math.max(1, counts.get(i - 1) / 100), "step " + step + " after "
                    + counts.get(i - 1));
            Duration gap = Duration.between(all.get(i - 1).evidence().lastSeen(), all.get(i).evidence().lastSeen());
            assertTrue(gap.toSeconds() <= RecurrenceRule.REFRESH_SECONDS, "gap " + gap);
        }
        assertTrue(all.size() < 700, all.size() + " reassessments of " + sightings + " sightings");
        assertEquals(sightings, all.getLast().evidence().eventCount() + (sightings - counts.getLast()));
    }

    @Test
    void aNewHostAWorseSeverityOrAnotherThresholdIsReassessedAtOnce() {
        Feed feed = new Feed();
        for (int i = 0; i < 1_000; i++) {
            feed.syslog(T0.plusMillis(10L * i), "app-01", "app", Severity.INFO, "cache refreshed");
        }
        long at = 10_000;
        assertTrue(only(feed.syslog(T0.plusMillis(at), "app-01", "app", Severity.INFO, "cache refreshed"),
                CandidateType.RECURRENCE).isEmpty(), "nothing new");
        Assessment host = only(feed.syslog(T0.plusMillis(at + 1), "app-02", "app", Severity.INFO, "cache refreshed"),
                CandidateType.RECURRENCE).getFirst();
        assertEquals(List.of("app-01", "app-02"), host.evidence().hosts());
        Assessment severe = only(feed.syslog(T0.plusMillis(at + 2), "app-01", "app", Severity.ERR,
                "cache refreshed"), CandidateType.RECURRENCE).getFirst();
        assertTrue(severe.explanation().contains("most severely at err"), severe.explanation());
        assertFalse(feed.threshold(5).syslog(T0.plusMillis(at + 3), "app-01", "app", Severity.INFO,
                "cache refreshed").isEmpty(), "the threshold the explanation quotes changed");
        assertTrue(feed.syslog(T0.plusMillis(at + 4), "app-01", "app", Severity.INFO, "cache refreshed").isEmpty());
    }
}
