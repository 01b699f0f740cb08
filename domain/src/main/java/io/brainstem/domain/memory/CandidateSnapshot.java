package io.brainstem.domain.memory;

import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.Evidence;
import io.brainstem.domain.shared.DomainViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a candidate looked when a person judged or promoted it: enough to tell later whether it has changed
 * materially (more often, on a new host, more severe) without the events, which may have expired by then.
 *
 * @param severity the severity part of its score breakdown (0..1)
 */
public record CandidateSnapshot(long eventCount, Instant firstSeen, Instant lastSeen, List<String> hosts,
        double severity, double scoreTotal) {

    /** The shortest period a rate is measured over, so that a burst of a few minutes is not "1,000 a day". */
    static final Duration MIN_RATE_PERIOD = Duration.ofHours(1);

    public CandidateSnapshot {
        DomainViolation.requirePresent(firstSeen, "first_seen");
        DomainViolation.requirePresent(lastSeen, "last_seen");
        hosts = List.copyOf(hosts);
    }

    public static CandidateSnapshot of(Candidate c) {
        Evidence e = c.evidence();
        return new CandidateSnapshot(e.eventCount(), e.firstSeen(), e.lastSeen(), e.hosts(), c.breakdown().severity(),
                c.scoreTotal());
    }

    /** Events per day over the snapshot's own period (at least an hour). */
    public double perDay() {
        return perDay(eventCount, firstSeen, lastSeen);
    }

    static double perDay(long events, Instant from, Instant to) {
        Duration span = Duration.between(from, to);
        if (span.compareTo(MIN_RATE_PERIOD) < 0) {
            span = MIN_RATE_PERIOD;
        }
        return events * 86_400.0 / span.toSeconds();
    }
}
