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
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
