package io.brainstem.adapters.http;

import io.helidon.http.Status;

/** A client error detected in the HTTP adapter itself: status, code and message for the JSON body. */
final class ApiException extends RuntimeException {

    private final Status status;
    private final String code;
    private final boolean drains;
    private final int retryAfterSeconds;

    ApiException(Status status, String code, String message) {
        this(status, code, message, false, 0);
    }

    private ApiException(Status status, String code, String message, boolean drains, int retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.drains = drains;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * Refuses a request before its body was read: the answer closes the connection after the rest of the body is
     * drained ({@link BodyBudget#drainRest}); {@code retryAfterSeconds} above 0 adds {@code Retry-After}.
     */
    static ApiException drained(Status status, String code, String message, int retryAfterSeconds) {
        return new ApiException(status, code, message, true, retryAfterSeconds);
    }

    boolean drains() {
        return drains;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Status status() {
        return status;
    }

    String code() {
        return code;
    }

    static ApiException badRequest(String code, String message) {
        return new ApiException(Status.BAD_REQUEST_400, code, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(Status.NOT_FOUND_404, "not_found", message);
    }
}
