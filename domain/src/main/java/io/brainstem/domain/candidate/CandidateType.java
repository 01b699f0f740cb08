package io.brainstem.domain.candidate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of pattern brainstem points a person at. */
public enum CandidateType {
    /** A signature seen at least {@code threshold} times in the tenant. */
    RECURRENCE,
    /** A failure followed by its recovery on the same host and service, or a message saying both. */
    SELF_HEAL,
    /** Repeated state changes within a look-back window (weighted percent state change). */
    FLAPPING,
    /** A signature's rate well above its own baseline. */
    BURST,
    /** A failure that usually comes back by itself and this time has not, within its learned recovery time. */
    UNRECOVERED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CandidateType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
