package io.brainstem.domain.envelope;

import io.brainstem.domain.shared.DomainViolation;

/** A tenant: every envelope, event, signature and candidate belongs to exactly one. */
public record TenantId(String value) {

    public static final int MAX_LENGTH = 128;
    public static final TenantId DEFAULT = new TenantId("default");

    public TenantId {
        DomainViolation.requireText(value, "tenant_id");
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new DomainViolation("tenant_id must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || isBidiControl(c)) {
                throw new DomainViolation(String.format("tenant_id must not contain control characters (U+%04X at %d)",
                        (int) c, i));
            }
        }
    }

    /** Characters that reorder how text is shown (U+202A..U+202E, U+2066..U+2069): one tenant could pose as another. */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
