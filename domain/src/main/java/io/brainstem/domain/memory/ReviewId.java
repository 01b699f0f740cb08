package io.brainstem.domain.memory;

import io.brainstem.domain.shared.DomainViolation;

/** The id of a review, {@code rev_} and 16 hex digits drawn by the caller. */
public record ReviewId(String value) {

    public ReviewId {
        DomainViolation.requireText(value, "review_id");
    }

    public static ReviewId of(long bits) {
        return new ReviewId("rev_" + String.format("%016x", bits));
    }

    @Override
    public String toString() {
        return value;
    }
}
