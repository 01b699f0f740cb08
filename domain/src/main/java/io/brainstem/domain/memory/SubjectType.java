package io.brainstem.domain.memory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a review or a related-history question is about. */
public enum SubjectType {
    EVENT, SIGNATURE, CANDIDATE, INCIDENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SubjectType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
