package io.brainstem.domain.candidate;

import io.brainstem.domain.shared.DomainViolation;

/** Identity of a candidate: derived from its pattern key, so one pattern is always one candidate. */
public record CandidateId(String value) {

    public CandidateId {
        DomainViolation.requireText(value, "candidate_id");
    }

    public static CandidateId forPattern(String tenant, String patternKey) {
        long h = 0xcbf29ce484222325L;
        String s = tenant + '\u0000' + patternKey;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return new CandidateId("cand_" + String.format("%016x", h));
    }

    @Override
    public String toString() {
        return value;
    }
}
