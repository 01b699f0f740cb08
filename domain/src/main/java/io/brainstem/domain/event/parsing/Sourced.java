package io.brainstem.domain.event.parsing;

import io.brainstem.domain.shared.DomainViolation;

/** A field value together with where it came from; an absent value is always {@link FieldSource#NONE}. */
public record Sourced<T>(T value, FieldSource source) {

    private static final Sourced<?> NONE = new Sourced<>(null, FieldSource.NONE);

    public Sourced {
        DomainViolation.requirePresent(source, "field source");
        if ((value == null) != (source == FieldSource.NONE)) {
            throw new DomainViolation("a field has no value exactly when its source is 'none'");
        }
    }

    /** The value from {@code source}, or {@link #none()} when the value is null. */
    public static <T> Sourced<T> of(T value, FieldSource source) {
        return value == null ? none() : new Sourced<>(value, source);
    }

    @SuppressWarnings("unchecked")
    public static <T> Sourced<T> none() {
        return (Sourced<T>) NONE;
    }

    public boolean isPresent() {
        return value != null;
    }
}
