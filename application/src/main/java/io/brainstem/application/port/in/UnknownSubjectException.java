package io.brainstem.application.port.in;

/** A command named something that does not exist (an unknown candidate, signature, event or incident id). */
public class UnknownSubjectException extends RuntimeException {

    public UnknownSubjectException(String message) {
        super(message);
    }
}
