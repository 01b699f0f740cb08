package io.brainstem.domain.event.parsing;

/**
 * Raised inside the parsers when a line is clearly garbage; caught at the parser's edge and turned into
 * an {@link Extraction.Rejected}. It never leaves this package and carries no stack trace (it is cheap).
 */
final class MalformedInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedInput(String reason) {
        super(reason, null, false, false);
    }
}
