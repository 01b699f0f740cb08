package io.brainstem.domain.candidate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person should do with a candidate, from its total score:
 * {@code ignore} below 0.25, {@code watch} below 0.45, {@code review} below 0.70, else
 * {@code urgent_human_review}.
 *
 * <p>Calibrated against the weights of {@link ScoreBreakdown} (ADR 17): an info message seen twice scores about 0.12
 * ({@code ignore}, routine); an err message seen twice about 0.30 ({@code watch}); a tunnel on one firewall that
 * dropped and recovered 12 times with warning severity about 0.51 ({@code review}); a crit signature bursting 16
 * times above its baseline on ten hosts about 0.70 ({@code urgent_human_review}).
 */
public enum DecisionBand {
    IGNORE(0.0), WATCH(0.25), REVIEW(0.45), URGENT_HUMAN_REVIEW(0.70);

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
