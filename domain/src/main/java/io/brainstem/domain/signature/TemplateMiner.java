package io.brainstem.domain.signature;

import io.brainstem.domain.shared.DomainViolation;

/**
 * Online log-template mining for one tenant: one message at a time, each assigned to a signature whose
 * template masks the variable parts. Not thread-safe; the caller serializes access.
 */
public interface TemplateMiner {

    /** Assigns a message to a signature, creating one when none fits. */
    Match add(String message);

    /** Re-creates a signature from storage so ids survive restarts. */
    void restore(SignatureId id, String template);

    /** Number of signatures held. */
    int size();

    /**
     * @param created         whether this message created the signature
     * @param templateChanged whether this message changed the template (generalized it)
     */
    record Match(SignatureId signatureId, String template, boolean created, boolean templateChanged) {
        public Match {
            DomainViolation.requirePresent(signatureId, "signature_id");
            DomainViolation.requireText(template, "template");
        }
    }
}
