package io.brainstem.domain.candidate;

import io.brainstem.domain.shared.DomainViolation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a candidate's score, each 0..1. {@link #total()} is their weighted mean with the
 * weights below (they sum to 1, memory comes on top); a person can recompute it from the breakdown.
 *
 * <ul>
 *   <li>{@code recurrence} (0.20): how often the pattern has happened; {@code ln(n)/ln(20)}, so 1 happening is 0,
 *       2 is 0.23, 12 is 0.83 and 20 or more is 1.</li>
 *   <li>{@code recovery} (0.20): how clearly it fails and comes back by itself; 0 for patterns without
 *       recoveries, 0.5 for one recovery, +0.1 per further recovery up to 1. For {@code unrecovered}, 1 while the
 *       thing has not come back; 0.5 for the recurrence of a periodic failure, whose episodes each ended (ADR 31).</li>
 *   <li>{@code spread} (0.05): on how many hosts it happens; {@code ln(hosts)/ln(10)}, 0 for one host, 1 from ten.</li>
 *   <li>{@code severity} (0.25): the most severe syslog severity seen: emerg/alert/crit 1, err 0.8, warning 0.5,
 *       notice 0.25, info 0.1, debug 0. A message that reads as a failure counts as at least warning.</li>
 *   <li>{@code burst} (0.15): how far the current rate is above normal (burst candidates) or the weighted
 *       percent state change / 100 (flapping candidates), or the same score of its daily rise when the rate rose
 *       over days (recurrence candidates, ADR 31); 0 otherwise.</li>
 *   <li>{@code novelty} (0.05): how new the pattern is; halves every 7 days after its first sighting.</li>
 *   <li>{@code periodicity} (0.10): for recurrence, 1 when it comes at the same time of day on several days or at
 *       a fixed interval, else 0; for self-heal, the share of the days from its first episode to its last on which
 *       an episode began, when that is at least three days (ADR 41), else 0.</li>
 *   <li>{@code routine} (no weight, 0 or 1): 1 when the pattern is routine chatter (low severity and no failure,
 *       or a steady background rate); the total of a routine pattern is then at most {@link #ROUTINE_CAP}, the top
 *       of {@code watch}, unless memory knows it.</li>
 *   <li>{@code memory} (0.15, added on top of the others; the total stays at most 1): what operational memory
 *       knows of it (ADR 20): 1 when it is, or shares a signature with, a promoted incident; 0.7 for a similar
 *       template on the same host; 0.5 for a similar template elsewhere or when a person judged it useful.</li>
 * </ul>
 * Severity weighs most, so that an error recurring on one host outranks an info message that merely repeats
 * everywhere. The detection rules that fill these in are documented in {@code docs/candidates.md}.
 */
public record ScoreBreakdown(double recurrence, double recovery, double spread, double severity, double burst,
        double novelty, double periodicity, double routine, double memory) {

    public static final double W_RECURRENCE = 0.20;
    public static final double W_RECOVERY = 0.20;
    public static final double W_SPREAD = 0.05;
    public static final double W_SEVERITY = 0.25;
    public static final double W_BURST = 0.15;
    public static final double W_NOVELTY = 0.05;
    public static final double W_PERIODICITY = 0.10;
    /** Added on top of the weighted mean (the total is still capped at 1): what operational memory knows. */
    public static final double W_MEMORY = 0.15;
    /** The highest total of a routine pattern: just below {@code review}. */
    public static final double ROUTINE_CAP = 0.44;

    public ScoreBreakdown {
        DomainViolation.requireUnit(recurrence, "recurrence");
        DomainViolation.requireUnit(recovery, "recovery");
        DomainViolation.requireUnit(spread, "spread");
        DomainViolation.requireUnit(severity, "severity");
        DomainViolation.requireUnit(burst, "burst");
        DomainViolation.requireUnit(novelty, "novelty");
        DomainViolation.requireUnit(periodicity, "periodicity");
        if (routine != 0 && routine != 1) {
            throw new DomainViolation("routine must be 0 or 1, was " + routine);
        }
        DomainViolation.requireUnit(memory, "memory");
    }

    /** A breakdown as the detector makes it: nothing from memory yet. */
    public ScoreBreakdown(double recurrence, double recovery, double spread, double severity, double burst,
            double novelty, double periodicity, double routine) {
        this(recurrence, recovery, spread, severity, burst, novelty, periodicity, routine, 0);
    }

    /** The same breakdown with {@code memory} as its memory part. */
    public ScoreBreakdown withMemory(double memory) {
        return memory == this.memory ? this
                : new ScoreBreakdown(recurrence, recovery, spread, severity, burst, novelty, periodicity, routine,
                        memory);
    }

    /** A breakdown without periodicity, not routine. */
    public ScoreBreakdown(double recurrence, double recovery, double spread, double severity, double burst,
            double novelty) {
        this(recurrence, recovery, spread, severity, burst, novelty, 0, 0);
    }

    /** The same breakdown marked routine. */
    public ScoreBreakdown asRoutine() {
        return new ScoreBreakdown(recurrence, recovery, spread, severity, burst, novelty, periodicity, 1, memory);
    }

    public boolean isRoutine() {
        return routine == 1;
    }

    public double total() {
        double t = W_RECURRENCE * recurrence + W_RECOVERY * recovery + W_SPREAD * spread + W_SEVERITY * severity
                + W_BURST * burst + W_NOVELTY * novelty + W_PERIODICITY * periodicity + W_MEMORY * memory;
        t = Math.min(1.0, t);
        if (isRoutine() && memory == 0) {
            t = Math.min(ROUTINE_CAP, t);
        }
        return Math.round(t * 10_000) / 10_000.0;
    }

    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("recurrence", recurrence);
        m.put("recovery", recovery);
        m.put("spread", spread);
        m.put("severity", severity);
        m.put("burst", burst);
        m.put("novelty", novelty);
        m.put("periodicity", periodicity);
        m.put("routine", routine);
        m.put("memory", memory);
        return m;
    }

    public static ScoreBreakdown fromMap(Map<String, Double> m) {
        return new ScoreBreakdown(m.getOrDefault("recurrence", 0.0), m.getOrDefault("recovery", 0.0),
                m.getOrDefault("spread", 0.0), m.getOrDefault("severity", 0.0), m.getOrDefault("burst", 0.0),
                m.getOrDefault("novelty", 0.0), m.getOrDefault("periodicity", 0.0), m.getOrDefault("routine", 0.0),
                m.getOrDefault("memory", 0.0));
    }
}
