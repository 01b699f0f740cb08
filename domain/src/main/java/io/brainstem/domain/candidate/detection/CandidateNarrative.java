package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.candidate.Candidate;

/** Placeholder narrative. Replaced by the full engine. */
public final class CandidateNarrative {

    private CandidateNarrative() {
    }

    public static String whyItMatters(Candidate c) {
        return c.explanation();
    }
}
