package io.brainstem.domain.candidate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person should do with a candidate, from its total score:
 * {@code ignore} below 0.30, {@code watch} below 0.55, {@code review} below 0.80, else
 * {@code urgent_human_review}.
 */
public enum DecisionBand {
    IGNORE(0.0), WATCH(0.30), REVIEW(0.55), URGENT_HUMAN_REVIEW(0.80);

    private final double lowerBound;

    DecisionBand(double lowerBound) {
        this.lowerBound = lowerBound;
    }

    public double lowerBound() {
        return lowerBound;
    }

    public static DecisionBand forScore(double scoreTotal) {
        DecisionBand band = IGNORE;
        for (DecisionBand b : values()) {
            if (scoreTotal >= b.lowerBound) {
                band = b;
            }
        }
        return band;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DecisionBand> fromWireName(String name) {
        return Arrays.stream(values()).filter(b -> b.wireName().equals(name)).findFirst();
    }
}
