package io.brainstem.domain.envelope;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a raw envelope stands: {@code received → canonicalized | parse_failed | unsupported}.
 * A replay may move an envelope from any state to another; the envelope itself is never lost.
 */
public enum EnvelopeStatus {
    RECEIVED("received"),
    CANONICALIZED("canonicalized"),
    PARSE_FAILED("parse_failed"),
    UNSUPPORTED("unsupported");

    private final String wireName;

    EnvelopeStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EnvelopeStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
