package io.brainstem.domain.candidate;

import io.brainstem.domain.shared.DomainViolation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a candidate's score, each 0..1. {@link #total()} is their weighted mean with the
 * weights below (they sum to 1); a person can recompute it from the breakdown.
 *
 * <ul>
 *   <li>{@code recurrence} (0.25): how often the pattern has happened; {@code ln(n)/ln(20)}, so 1 happening is 0,
 *       2 is 0.23, 12 is 0.83 and 20 or more is 1.</li>
 *   <li>{@code recovery} (0.20): how clearly it fails and comes back by itself; 0 for patterns without
 *       recoveries, 0.5 for one recovery, +0.1 per further recovery up to 1.</li>
 *   <li>{@code spread} (0.15): on how many hosts it happens; {@code ln(hosts)/ln(10)}, 0 for one host, 1 from ten.</li>
 *   <li>{@code severity} (0.20): the most severe syslog severity seen: emerg/alert/crit 1, err 0.8, warning 0.5,
 *       notice 0.25, info 0.1, debug 0.</li>
 *   <li>{@code burst} (0.15): how far the current rate is above normal (burst candidates) or the weighted
 *       percent state change / 100 (flapping candidates); 0 otherwise.</li>
 *   <li>{@code novelty} (0.05): how new the pattern is; halves every 7 days after its first sighting.</li>
 * </ul>
 * Severity and spread together (0.35) weigh nearly as much as recurrence and recovery together (0.45), so that
 * an error on many hosts outranks an info message that merely repeats. The detection rules that fill these in are documented
 * in {@code docs/candidates.md}.
 */
public record ScoreBreakdown(double recurrence, double recovery, double spread, double severity, double burst,
        double novelty) {

    public static final double W_RECURRENCE = 0.25;
    public static final double W_RECOVERY = 0.20;
    public static final double W_SPREAD = 0.15;
    public static final double W_SEVERITY = 0.20;
    public static final double W_BURST = 0.15;
    public static final double W_NOVELTY = 0.05;

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
