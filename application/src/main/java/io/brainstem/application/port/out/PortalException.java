package io.brainstem.application.port.out;

/**
 * A monitoring platform could not be asked: not configured, credentials refused, unreachable after retries, or
 * an answer that cannot be read. The message says what to do and never holds a credential.
 */
public class PortalException extends RuntimeException {

    public enum Reason {
        /** No portal is configured: the message names the settings to set. */
        NOT_CONFIGURED,
        /** The portal refused the credentials (HTTP 401/403): the message names the settings that hold them. */
        UNAUTHORIZED,
        /** Unreachable, timing out or failing (5xx) after the retries. */
        UNAVAILABLE,
        /** An answer that is not what was asked for (another 4xx, or a body that is not an alert page). */
        REJECTED
    }

    private final Reason reason;

    public PortalException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public PortalException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
