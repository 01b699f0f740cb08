package io.brainstem.application.scenarios;

import io.brainstem.domain.candidate.Candidate;
import java.util.List;
import java.util.Locale;

/** Recognises the candidate(s) a planted pattern or routine stream should produce. */
@FunctionalInterface
public interface CandidateMatcher {

    boolean matches(Candidate candidate, List<String> templates);

    /**
     * A candidate on {@code host} (among its evidence hosts) whose title, pattern key or one of its signatures'
     * templates contains any of {@code fragments} (case-insensitive).
     */
    static CandidateMatcher onHost(String host, String... fragments) {
        return (candidate, templates) -> candidate.evidence().hosts().contains(host)
                && mentions(candidate, templates, fragments);
    }

    /** Like {@link #onHost} for any of several hosts. */
    static CandidateMatcher onHosts(List<String> hosts, String... fragments) {
        return (candidate, templates) -> candidate.evidence().hosts().stream().anyMatch(hosts::contains)
                && mentions(candidate, templates, fragments);
    }

    private static boolean mentions(Candidate candidate, List<String> templates, String... fragments) {
        StringBuilder text = new StringBuilder(candidate.title()).append('\n').append(candidate.patternKey());
        templates.forEach(t -> text.append('\n').append(t));
        String haystack = text.toString().toLowerCase(Locale.ROOT);
        for (String fragment : fragments) {
            if (haystack.contains(fragment.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
