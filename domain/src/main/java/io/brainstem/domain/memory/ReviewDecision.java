package io.brainstem.domain.memory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An operator's judgement of something brainstem showed. {@code useful} raises a candidate; {@code noise},
 * {@code expected} (planned or known) and {@code duplicate} (shown elsewhere already) keep it out of the way
 * until it changes materially (ADR 20).
 */
public enum ReviewDecision {
    USEFUL, NOISE, EXPECTED, DUPLICATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean suppresses() {
        return this != USEFUL;
    }

    public static Optional<ReviewDecision> fromWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName().equals(name)).findFirst();
    }
}
