package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.Evidence;

/** Why a candidate deserves a person's attention, in one sentence, for listings such as {@code GET /interesting}. */
public final class CandidateNarrative {

    private CandidateNarrative() {
    }

    /**
     * One sentence from the candidate's type, evidence and band, for example "It failed and recovered by itself 12
     * times on fw-01, so alerting stays quiet while the fault keeps coming back."
     */
    public static String whyItMatters(Candidate c) {
        Evidence e = c.evidence();
        String where = e.hosts().isEmpty() ? "" : " on " + Phrases.hosts(e.hosts(), e.hosts().size());
        String reason = switch (c.type()) {
            case RECURRENCE -> "It has happened " + Phrases.times(measure(e, "occurrences", e.eventCount()))
                    + (e.hosts().isEmpty() ? "" : " on " + Phrases.hosts(e.hosts(),
                            measure(e, "distinct_hosts", e.hosts().size())))
                    + ", so it is a pattern rather than a one-off";
            case SELF_HEAL -> measure(e, "episodes", 1) > 1
                    ? "It failed and recovered by itself " + Phrases.times(measure(e, "episodes", 1)) + where
                            + ", so alerting stays quiet while the fault keeps coming back"
                    : "It failed and recovered by itself" + where
                            + ", the kind of fault alerting misses until it stops recovering";
            case FLAPPING -> measure(e, "flapping", 1) == 1
                    ? "It keeps switching between failed and recovered" + where
                            + ", which floods alerts and often comes before a lasting outage"
                    : "It flapped" + where + " and has settled for now, which is worth knowing before it starts again";
            case BURST -> "Its rate jumped to " + Phrases.rate(decimal(e, "burst_ratio")) + " times its usual"
                    + where + ", which usually means something has just changed";
            case UNRECOVERED -> measure(e, "recovered", 0) == 1
                    ? "It usually comes back by itself and this time took longer" + where
                            + ", which is worth knowing before it happens again"
                    : "It usually comes back by itself and this time has not" + where
                            + ", so it may be down for good";
        };
        return switch (c.decisionBand()) {
            case URGENT_HUMAN_REVIEW -> "Needs a person now: " + lowerFirst(reason) + ".";
            case REVIEW, WATCH, IGNORE -> reason + ".";
        };
    }

    private static long measure(Evidence e, String name, long fallback) {
        Double v = e.measures().get(name);
        return v == null ? fallback : Math.round(v);
    }

    private static double decimal(Evidence e, String name) {
        Double v = e.measures().get(name);
        return v == null ? 0 : v;
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
