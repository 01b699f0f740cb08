package io.brainstem.application.port.in;

import io.brainstem.domain.candidate.Candidate;
import java.util.List;

/**
 * A candidate as shown in an "interesting" listing, with one sentence on why it matters, and its facets: the other
 * candidates of the same fault (the same subject, or the same signature), lower scored, shown with it rather than as
 * items of their own.
 */
public record InterestingItem(Candidate candidate, String whyItMatters, List<Candidate> facets) {

    public InterestingItem {
        facets = facets == null ? List.of() : List.copyOf(facets);
    }

    public InterestingItem(Candidate candidate, String whyItMatters) {
        this(candidate, whyItMatters, List.of());
    }
}
