package io.brainstem.adapters.http;

import io.brainstem.application.port.in.DatabaseRef;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reading bodies within the size limit and query parameters with their allowed ranges. */
final class RequestSupport {

    private final ApiLimits limits;

    RequestSupport(ApiLimits limits) {
        this.limits = limits;
    }

    ApiLimits limits() {
        return limits;
    }

    /** The body, refused with 413 when larger than the limit (by header or by counting). */
    byte[] body(ServerRequest req) {
        Optional<Long> declared = req.headers().contentLength().isPresent()
                ? Optional.of(req.headers().contentLength().getAsLong()) : Optional.empty();
        if (declared.isPresent() && declared.get() > limits.maxBodyBytes()) {
            throw tooLarge();
        }
        try (InputStream in = req.content().inputStream()) {
            // a declared length sizes the read buffer to the body (a small event is not read into 16 KiB);
            // one byte more than the limit tells a body that is too large
            long want = Math.min(declared.orElse(Long.MAX_VALUE), limits.maxBodyBytes()) + 1;
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, want));
            if (data.length > limits.maxBodyBytes()) {
                throw tooLarge();
            }
            return data;
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable_body", "the request body could not be read");
        }
    }

    private ApiException tooLarge() {
        return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "body_too_large",
                "the request body exceeds " + limits.maxBodyBytes() + " bytes");
    }

    static Optional<String> query(ServerRequest req, String name) {
        return req.query().first(name).asOptional().map(String::strip).filter(s -> !s.isEmpty());
    }

    static int intQuery(ServerRequest req, String name, int defaultValue, int min, int max) {
        Optional<String> raw = query(req, name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_" + name, name + " must be an integer between " + min + " and "
                    + max + ", was '" + abbreviate(raw.get()) + "'");
        }
        if (value < min || value > max) {
            throw ApiException.badRequest("invalid_" + name, name + " must be between " + min + " and " + max
                    + ", was " + value);
        }
        return value;
    }

    static Optional<Double> doubleQuery(ServerRequest req, String name, double min, double max) {
        Optional<String> raw = query(req, name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        double value;
        try {
            value = Double.parseDouble(raw.get());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_" + name, name + " must be a number between " + min + " and "
                    + max + ", was '" + abbreviate(raw.get()) + "'");
        }
        if (!(value >= min && value <= max)) {
            throw ApiException.badRequest("invalid_" + name, name + " must be between " + min + " and " + max);
        }
        return Optional.of(value);
    }

    int limit(ServerRequest req, int defaultValue) {
        return intQuery(req, "limit", defaultValue, 1, limits.maxLimit());
    }

    static DatabaseRef database(ServerRequest req) {
        return DatabaseRef.of(query(req, "db_path").orElse(null));
    }

    /** The body's {@code db_path} when given, else the query parameter's. */
    static DatabaseRef database(ServerRequest req, String fromBody) {
        return fromBody != null ? DatabaseRef.of(fromBody) : database(req);
    }

    /** The body as a JSON object of {@code type}; {@code null} (the JSON literal) is a 400. */
    <T> T object(ServerRequest req, Class<T> type) {
        T body = JsonCodec.read(body(req), type);
        if (body == null) {
            throw ApiException.badRequest("invalid_json", "the body must be a JSON object");
        }
        return body;
    }

    /** An optional ISO-8601 instant of a body field; one that does not parse is a 400 naming the field. */
    static Optional<java.time.Instant> instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.Instant.parse(text.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("invalid_" + field, field
                    + " must be an ISO-8601 UTC time such as 2026-03-22T00:00:00Z, was '" + abbreviate(text) + "'");
        }
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

}
