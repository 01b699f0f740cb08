package io.brainstem.domain.signature;

import io.brainstem.domain.shared.DomainViolation;
import java.util.List;

/**
 * Online log-template mining for one tenant: one message at a time, each assigned to a signature whose
 * template masks the variable parts. Not thread-safe; the caller serializes access.
 */
public interface TemplateMiner {

    /** Assigns a message to a signature, creating one when none fits. */
    Match add(String message);

    /**
     * Re-creates a signature from storage so ids survive restarts. Returns the id the signature is now held
     * under: {@code id}, or another (older) signature's id when the templates are equal (a merge).
     */
    SignatureId restore(SignatureId id, String template);

    /** Number of signatures held. */
    int size();

    /**
     * @param created         whether this message created the signature
     * @param templateChanged whether this message changed the template (generalized it)
     * @param absorbed        ids merged into {@code signatureId} by this add; they are aliases from now on
     */
    record Match(SignatureId signatureId, String template, boolean created, boolean templateChanged,
            List<SignatureId> absorbed) {
        public Match {
            DomainViolation.requirePresent(signatureId, "signature_id");
            DomainViolation.requireText(template, "template");
            absorbed = List.copyOf(absorbed == null ? List.of() : absorbed);
        }

        public Match(SignatureId signatureId, String template, boolean created, boolean templateChanged) {
            this(signatureId, template, created, templateChanged, List.of());
        }
    }
}
