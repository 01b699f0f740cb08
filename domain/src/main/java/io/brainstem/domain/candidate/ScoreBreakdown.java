package io.brainstem.domain.candidate;

import io.brainstem.domain.shared.DomainViolation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a candidate's score, each 0..1. {@link #total()} is their weighted mean with the
 * weights below; a person can recompute it from the breakdown.
 */
public record ScoreBreakdown(double recurrence, double recovery, double spread, double severity, double burst,
        double novelty) {

    public static final double W_RECURRENCE = 0.30;
    public static final double W_RECOVERY = 0.20;
    public static final double W_SPREAD = 0.10;
    public static final double W_SEVERITY = 0.15;
    public static final double W_BURST = 0.15;
    public static final double W_NOVELTY = 0.10;

    public ScoreBreakdown {
        DomainViolation.requireUnit(recurrence, "recurrence");
        DomainViolation.requireUnit(recovery, "recovery");
        DomainViolation.requireUnit(spread, "spread");
        DomainViolation.requireUnit(severity, "severity");
        DomainViolation.requireUnit(burst, "burst");
        DomainViolation.requireUnit(novelty, "novelty");
    }

    public double total() {
        double t = W_RECURRENCE * recurrence + W_RECOVERY * recovery + W_SPREAD * spread + W_SEVERITY * severity
                + W_BURST * burst + W_NOVELTY * novelty;
        return Math.round(Math.min(1.0, t) * 10_000) / 10_000.0;
    }

    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("recurrence", recurrence);
        m.put("recovery", recovery);
        m.put("spread", spread);
        m.put("severity", severity);
        m.put("burst", burst);
        m.put("novelty", novelty);
        return m;
    }

    public static ScoreBreakdown fromMap(Map<String, Double> m) {
        return new ScoreBreakdown(m.getOrDefault("recurrence", 0.0), m.getOrDefault("recovery", 0.0),
                m.getOrDefault("spread", 0.0), m.getOrDefault("severity", 0.0), m.getOrDefault("burst", 0.0),
                m.getOrDefault("novelty", 0.0));
    }
}
