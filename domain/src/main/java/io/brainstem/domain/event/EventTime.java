package io.brainstem.domain.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An event's time as sent, and the time its pattern is counted at. The time a device or client sends is kept as it is
 * (search and {@code since}/{@code until} filters use it), but a time far from when brainstem received the event — a
 * device with no clock after a reboot (1970, 2000), {@code 0001-01-01}, {@code 9999-12-31}, a wrong year — must not
 * move a signature's first or last seen, a candidate's windows or a baseline for good. Such an event is flagged in
 * its {@code field_sources} under {@link #OUT_OF_BOUNDS} ({@code ahead} or {@code behind}: two values, so the
 * field-source dictionary stays small), and every pattern counts it at the time brainstem made the event (its
 * receipt; for a replayed envelope, the replay) instead.
 *
 * <p>Bounds: at most {@link #MAX_AHEAD} ahead of the receive time (clock skew and a wrong time zone stay within it)
 * and at most {@link #MAX_BEHIND} behind it (backfilling a year of archived logs stays within it).
 */
public final class EventTime {

    /** The {@code field_sources} key of an event whose time is out of bounds: {@link #AHEAD} or {@link #BEHIND}. */
    public static final String OUT_OF_BOUNDS = "timestamp_out_of_bounds";
    public static final String AHEAD = "ahead";
    public static final String BEHIND = "behind";
    public static final Duration MAX_AHEAD = Duration.ofDays(1);
    public static final Duration MAX_BEHIND = Duration.ofDays(366);

    private EventTime() {
    }

    /** {@link #AHEAD} or {@link #BEHIND} when {@code timestamp} is too far from {@code receivedAt}, else null. */
    public static String outOfBounds(Instant timestamp, Instant receivedAt) {
        if (timestamp.isAfter(receivedAt.plus(MAX_AHEAD))) {
            return AHEAD;
        }
        return timestamp.isBefore(receivedAt.minus(MAX_BEHIND)) ? BEHIND : null;
    }

    /**
     * The time patterns count an event at: its own, or {@code madeAt} (when brainstem made the event) when it is
     * flagged {@link #OUT_OF_BOUNDS}.
     */
    public static Instant observedAt(Instant timestamp, Map<String, String> fieldSources, Instant madeAt) {
        return fieldSources.containsKey(OUT_OF_BOUNDS) ? madeAt : timestamp;
    }
}
