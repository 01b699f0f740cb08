package io.brainstem.domain.candidate;

import io.brainstem.domain.shared.DomainViolation;
import java.time.Instant;
import java.util.List;

/** What a candidate rests on: how many events, of which signatures, on which hosts, when, and samples. */
public record Evidence(long eventCount, List<String> signatureIds, List<String> hosts, Instant firstSeen,
        Instant lastSeen, List<Long> sampleEventIds) {

    public static final int MAX_SAMPLES = 10;

    public Evidence {
        if (eventCount < 1) {
            throw new DomainViolation("evidence needs at least one event");
        }
        DomainViolation.requirePresent(firstSeen, "first_seen");
        DomainViolation.requirePresent(lastSeen, "last_seen");
        signatureIds = List.copyOf(signatureIds);
        hosts = List.copyOf(hosts);
        sampleEventIds = List.copyOf(sampleEventIds.size() > MAX_SAMPLES
                ? sampleEventIds.subList(sampleEventIds.size() - MAX_SAMPLES, sampleEventIds.size())
                : sampleEventIds);
    }
}
