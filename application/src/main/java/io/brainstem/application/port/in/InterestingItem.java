package io.brainstem.application.port.in;

import io.brainstem.domain.candidate.Candidate;

/** A candidate as shown in an "interesting" listing, with one sentence on why it matters. */
public record InterestingItem(Candidate candidate, String whyItMatters) {
}
