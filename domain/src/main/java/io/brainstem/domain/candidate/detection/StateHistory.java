package io.brainstem.domain.candidate.detection;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The last {@value #MAX_STATES} state observations of one subject and their weighted percent state change, as
 * Nagios/Icinga compute it for flap detection: each of the (up to) 20 transitions between consecutive states
 * that is a change adds its weight, which rises linearly from {@value #OLDEST_WEIGHT} for the oldest transition
 * to {@value #NEWEST_WEIGHT} for the newest; the sum is taken as a percentage of 20. With fewer states the
 * transitions present take the newest positions (as if the history had been filled with the first state), so
 * ten alternating observations are enough to exceed 50%.
 */
final class StateHistory {

    static final int MAX_STATES = 21;
    static final double OLDEST_WEIGHT = 0.8;
    static final double NEWEST_WEIGHT = 1.2;
    private static final int TRANSITIONS = MAX_STATES - 1;

    record Entry(Instant at, Polarity state, EventRef event) {
    }

    // Oldest first; the times and states also as primitives, so the per-event look-back and percentage
    // computations read no objects.
    private final Entry[] entries = new Entry[MAX_STATES];
    private final long[] seconds = new long[MAX_STATES];
    private final int[] nanos = new int[MAX_STATES];
    private final Polarity[] states = new Polarity[MAX_STATES];
    private int size;

    /** Adds an observation; true when it differs from the previous one (a state change). */
    boolean add(Entry entry) {
        boolean changed = size > 0 && states[size - 1] != entry.state();
        if (size == MAX_STATES) {
            removeFirst();
        }
        entries[size] = entry;
        seconds[size] = entry.at().getEpochSecond();
        nanos[size] = entry.at().getNano();
        states[size] = entry.state();
        size++;
        return changed;
    }

    private void removeFirst() {
        int n = size - 1;
        System.arraycopy(entries, 1, entries, 0, n);
        System.arraycopy(seconds, 1, seconds, 0, n);
        System.arraycopy(nanos, 1, nanos, 0, n);
        System.arraycopy(states, 1, states, 0, n);
        entries[n] = null;
        size = n;
    }

    /** Forgets observations older than {@code cutoff} (the look-back). */
    void forgetBefore(Instant cutoff) {
        long cs = cutoff.getEpochSecond();
        int cn = cutoff.getNano();
        int kept = 0;
        for (int i = 0; i < size; i++) {
            boolean before = seconds[i] < cs || seconds[i] == cs && nanos[i] < cn;
            if (!before) {
                if (kept != i) {
                    entries[kept] = entries[i];
                    seconds[kept] = seconds[i];
                    nanos[kept] = nanos[i];
                    states[kept] = states[i];
                }
                kept++;
            }
        }
        for (int i = kept; i < size; i++) {
            entries[i] = null;
        }
        size = kept;
    }

    /** Weighted percent state change, 0..100. */
    double percentStateChange() {
        double sum = 0;
        int position = TRANSITIONS - (size - 1) + 1; // 1-based position of the oldest transition present
        for (int i = 1; i < size; i++) {
            if (states[i] != states[i - 1]) {
                sum += OLDEST_WEIGHT + (position - 1) * (NEWEST_WEIGHT - OLDEST_WEIGHT) / (TRANSITIONS - 1);
            }
            position++;
        }
        return sum * 100.0 / TRANSITIONS;
    }

    /** State changes among the observations held. */
    int changes() {
        int n = 0;
        for (int i = 1; i < size; i++) {
            if (states[i] != states[i - 1]) {
                n++;
            }
        }
        return n;
    }

    int size() {
        return size;
    }

    List<Entry> entries() {
        return List.of(Arrays.copyOf(entries, size));
    }
}
