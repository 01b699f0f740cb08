package io.brainstem.bootstrap;

/**
 * brainstem cannot start as configured (a port in use, an unusable data directory or database): the command says
 * so in one line and exits non-zero instead of running half alive.
 */
public final class StartupException extends RuntimeException {

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
