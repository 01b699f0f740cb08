package io.brainstem.domain.candidate.detection;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
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

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    /** Adds an observation; true when it differs from the previous one (a state change). */
    boolean add(Entry entry) {
        boolean changed = !entries.isEmpty() && entries.peekLast().state() != entry.state();
        entries.addLast(entry);
        if (entries.size() > MAX_STATES) {
            entries.removeFirst();
        }
        return changed;
    }

    /** Forgets observations older than {@code cutoff} (the look-back). */
    void forgetBefore(Instant cutoff) {
        entries.removeIf(e -> e.at().isBefore(cutoff));
    }

    /** Weighted percent state change, 0..100. */
    double percentStateChange() {
        double sum = 0;
        int position = TRANSITIONS - (entries.size() - 1) + 1; // 1-based position of the oldest transition present
        Iterator<Entry> it = entries.iterator();
        Polarity previous = it.hasNext() ? it.next().state() : null;
        while (it.hasNext()) {
            Polarity current = it.next().state();
            if (current != previous) {
                sum += OLDEST_WEIGHT + (position - 1) * (NEWEST_WEIGHT - OLDEST_WEIGHT) / (TRANSITIONS - 1);
            }
            previous = current;
            position++;
        }
        return sum * 100.0 / TRANSITIONS;
    }

    /** State changes among the observations held. */
    int changes() {
        int n = 0;
        Polarity previous = null;
        for (Entry e : entries) {
            if (previous != null && e.state() != previous) {
                n++;
            }
            previous = e.state();
        }
        return n;
    }

    int size() {
        return entries.size();
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }
}
