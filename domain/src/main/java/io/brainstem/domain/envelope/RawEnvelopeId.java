package io.brainstem.domain.envelope;

import io.brainstem.domain.shared.DomainViolation;

/** Identity of a stored raw envelope; assigned by storage, strictly increasing within one database. */
public record RawEnvelopeId(long value) implements Comparable<RawEnvelopeId> {

    public RawEnvelopeId {
        if (value <= 0) {
            throw new DomainViolation("raw_envelope_id must be positive, was " + value);
        }
    }

    @Override
    public int compareTo(RawEnvelopeId other) {
        return Long.compare(value, other.value);
    }
}
