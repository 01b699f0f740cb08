package io.brainstem.domain.alert;

/**
 * What one report of an alert adds to what brainstem already knows of that alert (ADR 25). Only the first three
 * become an envelope and an event; {@link #UNCHANGED} writes nothing.
 */
public enum AlertChange {

    /** First seen, still active: one event, the failure. */
    RAISED("raised"),
    /** First seen and already cleared: one event that is the failure and its recovery. */
    RAISED_AND_CLEARED("raised_and_cleared"),
    /** Seen active before, cleared now: one event, the recovery, linked to the alert's first event. */
    CLEARED("cleared"),
    /** Nothing new: the same alert in the same state again (a retried delivery, a page fetched twice). */
    UNCHANGED("unchanged");

    private final String wireName;

    AlertChange(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether this change is written as an envelope and an event. */
    public boolean writes() {
        return this != UNCHANGED;
    }

    /** Whether the alert is cleared after this change. */
    public boolean clears() {
        return this == RAISED_AND_CLEARED || this == CLEARED;
    }
}
