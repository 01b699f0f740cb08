package io.brainstem.domain.candidate;

import io.brainstem.domain.shared.DomainViolation;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a candidate rests on: how many events, of which signatures, on which hosts, when, and samples.
 * {@code measures} holds the numbers an explanation quotes, by snake_case name (for example
 * {@code recovery_seconds_max}, {@code episodes}, {@code percent_state_change}, {@code burst_ratio}), so that a
 * person or a client can check them; it is empty when a detector has nothing to add. {@code subject} names the
 * one thing the pattern is about when there is one ({@code GigabitEthernet0/12 on sw-core-1}); candidates with the
 * same subject are facets of one fault. It is null when the pattern spans many things.
 */
public record Evidence(long eventCount, List<String> signatureIds, List<String> hosts, Instant firstSeen,
        Instant lastSeen, List<Long> sampleEventIds, Map<String, Double> measures, String subject) {

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
        measures = copyOfMeasures(measures);
        subject = subject == null || subject.isBlank() ? null : subject.strip();
    }

    /** Evidence without a subject. */
    public Evidence(long eventCount, List<String> signatureIds, List<String> hosts, Instant firstSeen,
            Instant lastSeen, List<Long> sampleEventIds, Map<String, Double> measures) {
        this(eventCount, signatureIds, hosts, firstSeen, lastSeen, sampleEventIds, measures, null);
    }

    /** Evidence without measures (as before measures existed). */
    public Evidence(long eventCount, List<String> signatureIds, List<String> hosts, Instant firstSeen,
            Instant lastSeen, List<Long> sampleEventIds) {
        this(eventCount, signatureIds, hosts, firstSeen, lastSeen, sampleEventIds, Map.of(), null);
    }

    private static Map<String, Double> copyOfMeasures(Map<String, Double> measures) {
        if (measures == null || measures.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        measures.forEach((name, value) -> {
            DomainViolation.requireText(name, "measure name");
            if (value == null || !Double.isFinite(value)) {
                throw new DomainViolation("measure " + name + " must be a finite number, was " + value);
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
