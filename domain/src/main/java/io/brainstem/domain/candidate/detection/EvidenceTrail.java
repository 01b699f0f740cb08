package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.candidate.Evidence;
import io.brainstem.domain.event.Severity;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What one pattern's evidence accumulates: a count, the first signatures and hosts (bounded), the time span,
 * the most severe severity and the latest sample event ids.
 */
final class EvidenceTrail {

    static final int MAX_HOSTS = 32;
    static final int MAX_SIGNATURES = 8;

    private long eventCount;
    private final LinkedHashSet<String> signatureIds = new LinkedHashSet<>();
    private final LinkedHashSet<String> hosts = new LinkedHashSet<>();
    private final Samples samples = new Samples();
    private Instant firstSeen;
    private Instant lastSeen;
    private Severity mostSevere;
    private List<String> signatureIdList;
    private List<String> hostList;

    void add(EventRef event) {
        if (!samples.add(event.id())) {
            return;
        }
        eventCount++;
        if (signatureIds.size() < MAX_SIGNATURES && signatureIds.add(event.signatureId())) {
            signatureIdList = null;
        }
        if (event.host() != null && hosts.size() < MAX_HOSTS && hosts.add(event.host())) {
            hostList = null;
        }
        if (firstSeen == null || event.at().isBefore(firstSeen)) {
            firstSeen = event.at();
        }
        if (lastSeen == null || event.at().isAfter(lastSeen)) {
            lastSeen = event.at();
        }
        if (mostSevere == null || event.severity().ordinal() < mostSevere.ordinal()) {
            mostSevere = event.severity();
        }
    }

    /** Counts events that were not kept one by one (a burst's minute holds more than its samples). */
    void addUnsampled(long count, Iterable<String> moreHosts) {
        eventCount += Math.max(0, count);
        for (String h : moreHosts) {
            if (hosts.size() >= MAX_HOSTS) {
                break;
            }
            if (hosts.add(h)) {
                hostList = null;
            }
        }
    }

    long eventCount() {
        return eventCount;
    }

    Instant firstSeen() {
        return firstSeen;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    Severity mostSevere() {
        return mostSevere;
    }

    Evidence toEvidence(Map<String, Double> measures) {
        return toEvidence(measures, null);
    }

    /** The evidence so far, naming the one thing it is about ({@link Evidence#subject()}), or null. */
    Evidence toEvidence(Map<String, Double> measures, String subject) {
        if (signatureIdList == null) {
            signatureIdList = List.copyOf(signatureIds);
        }
        if (hostList == null) {
            hostList = List.copyOf(hosts);
        }
        return new Evidence(eventCount, signatureIdList, hostList, firstSeen, lastSeen, samples.toList(), measures,
                subject);
    }

    /** The latest {@value Evidence#MAX_SAMPLES} distinct event ids, oldest first, without boxing. */
    static final class Samples {
        private final long[] ring = new long[Evidence.MAX_SAMPLES];
        private int size;
        private int next;

        /** Adds the id unless it is among the ids held; false when it was. */
        boolean add(long id) {
            for (int i = 0; i < size; i++) {
                if (ring[i] == id) {
                    return false;
                }
            }
            ring[next] = id;
            next = next + 1 == ring.length ? 0 : next + 1;
            size = Math.min(size + 1, ring.length);
            return true;
        }

        List<Long> toList() {
            Long[] out = new Long[size];
            int from = size < ring.length ? 0 : next;
            for (int i = 0; i < size; i++) {
                out[i] = ring[(from + i) % ring.length];
            }
            return List.of(out);
        }
    }
}
