package io.brainstem.adapters.http;

import io.helidon.http.Status;

/** A client error detected in the HTTP adapter itself: status, code and message for the JSON body. */
final class ApiException extends RuntimeException {

    private final Status status;
    private final String code;

    ApiException(Status status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
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
