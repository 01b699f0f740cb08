package io.brainstem.application.port.in;

/**
 * A request a client got wrong: an argument out of range, an unknown status, a database outside the data
 * directory. Adapters turn it into a 4xx with {@link #code()} and the message.
 */
public class InvalidRequestException extends RuntimeException {

    private final String code;

    public InvalidRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static int requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidRequestException("invalid_" + field,
                    field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
