package io.brainstem.domain.shared;

/** Thrown when a value would break an invariant of the domain (a blank tenant, a score above 1...). */
public final class DomainViolation extends IllegalArgumentException {

    public DomainViolation(String message) {
        super(message);
    }

    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new DomainViolation(field + " must not be blank");
        }
        return value;
    }

    public static <T> T requirePresent(T value, String field) {
        if (value == null) {
            throw new DomainViolation(field + " is required");
        }
        return value;
    }

    public static double requireUnit(double value, String field) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new DomainViolation(field + " must be within 0..1, was " + value);
        }
        return value;
    }
}
