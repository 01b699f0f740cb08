package io.brainstem.domain.candidate.detection;

import java.util.Arrays;
import java.util.List;

/**
 * The distinct hosts of a stretch of events, in the order first seen, at most {@value EvidenceTrail#MAX_HOSTS}
 * (further hosts are not added): what a {@code LinkedHashSet} capped at that size holds, without its per-entry
 * nodes, since the burst rule adds every event's host.
 */
final class HostSet {

    private static final int SLOTS = 2 * Integer.highestOneBit(EvidenceTrail.MAX_HOSTS * 2 - 1);

    private final String[] hosts = new String[EvidenceTrail.MAX_HOSTS];
    /** Open addressing: 1 + the index into {@code hosts}, 0 for an empty slot; {@code hashes} alongside. */
    private final byte[] slots = new byte[SLOTS];
    private final int[] hashes = new int[SLOTS];
    private int size;

    void add(String host) {
        if (host == null || size >= hosts.length) {
            return;
        }
        int hash = host.hashCode();
        int i = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        int at;
        while ((at = slots[i]) != 0) {
            if (hashes[i] == hash && hosts[at - 1].equals(host)) {
                return;
            }
            i = (i + 1) & (SLOTS - 1);
        }
        hosts[size] = host;
        size++;
        slots[i] = (byte) size;
        hashes[i] = hash;
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(slots, (byte) 0);
            Arrays.fill(hosts, 0, size, null);
            size = 0;
        }
    }

    int size() {
        return size;
    }

    /** The hosts in the order first seen. */
    List<String> toList() {
        return List.of(Arrays.copyOf(hosts, size));
    }
}
