package io.brainstem.domain.signature;

import io.brainstem.domain.shared.DomainViolation;
import java.util.List;

/**
 * Online log-template mining for one tenant: one message at a time, each assigned to a signature whose
 * template masks the variable parts. Not thread-safe; the caller serializes access.
 *
 * <p>Two signatures never hold the same template: when a template generalizes into another's, or a family
 * of signatures turns out to differ only in a variable, they merge into the older one. The ids of the
 * merged signatures are reported once, in {@link Match#absorbed()}; from then on they are aliases of the
 * survivor.
 */
public interface TemplateMiner {

    /** Assigns a message to a signature, creating one when none fits. */
    Match add(String message);

    /**
     * Re-creates a signature from storage so ids survive restarts.
     *
     * @return the id the signature is now held under: {@code id}, or the id of an older signature already
     *         held with an equal template (restore oldest first, so the older one wins)
     */
    SignatureId restore(SignatureId id, String template);

    /** Number of signatures held. */
    int size();

    /**
     * @param created         whether this message created the signature
     * @param templateChanged whether this message changed the template (generalized it)
     * @param absorbed        signatures merged into {@code signatureId} by this message: they no longer exist
     *                        in the miner, and their ids now stand for {@code signatureId}
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
