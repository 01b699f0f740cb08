package io.brainstem.domain.signature;

import io.brainstem.domain.shared.DomainViolation;

/** Stable identity of a signature within its database: {@code sig_} followed by 16 hex digits. */
public record SignatureId(String value) {

    public SignatureId {
        DomainViolation.requireText(value, "signature_id");
        if (value.length() > 64) {
            throw new DomainViolation("signature_id too long");
        }
    }

    /** Derives an id from a tenant and the template a signature was first created with. */
    public static SignatureId derive(String tenant, String firstTemplate) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64
        for (int i = 0; i < tenant.length(); i++) {
            h = (h ^ tenant.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ 0) * 0x100000001b3L;
        for (int i = 0; i < firstTemplate.length(); i++) {
            h = (h ^ firstTemplate.charAt(i)) * 0x100000001b3L;
        }
        return new SignatureId("sig_" + String.format("%016x", h));
    }

    @Override
    public String toString() {
        return value;
    }
}
