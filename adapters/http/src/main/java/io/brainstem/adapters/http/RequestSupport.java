package io.brainstem.adapters.http;

import io.brainstem.application.port.in.DatabaseRef;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading bodies within the size limit and query parameters with their allowed ranges. */
final class RequestSupport {

    private static final int CHUNK_BYTES = 64 * 1024;

    private final ApiLimits limits;

    RequestSupport(ApiLimits limits) {
        this.limits = limits;
    }

    ApiLimits limits() {
        return limits;
    }

    /** The body a handler read, kept in the request's context for its idempotency fingerprint. */
    private record ReadBody(byte[] bytes) {
    }

    /** The header a client names a request with so that its retries are answered once (ADR 37). */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set on an answer that repeats an earlier request's result. */
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    /**
     * The command with the request's {@code Idempotency-Key}, when it has one, and a fingerprint of what it asked:
     * SHA-256 of the method, path, query and body (read before this is called).
     */
    static io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand keyed(ServerRequest req,
            io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand command) {
        Optional<String> key = req.headers().first(io.helidon.http.HeaderNames.create(IDEMPOTENCY_KEY));
        if (key.isEmpty()) {
            return command;
        }
        byte[] body = req.context().get(ReadBody.class).map(ReadBody::bytes).orElse(new byte[0]);
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update((req.prologue().method().text() + " " + req.path().path() + "?" + req.query().rawValue()
                    + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(body);
            String fingerprint = "sha256:" + java.util.HexFormat.of().formatHex(sha.digest());
            return command.withIdempotency(Optional.of(
                    new io.brainstem.application.port.in.IngestEventsUseCase.IdempotencyKey(key.get(), fingerprint)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Marks an answer that repeats an earlier request's result. */
    static void markRepeat(io.helidon.webserver.http.ServerResponse res,
            io.brainstem.application.port.in.IngestEventsUseCase.IngestResult result) {
        if (result.repeated()) {
            res.header(IDEMPOTENT_REPLAYED, "true");
        }
    }

    /**
     * The body, refused with 413 when larger than the limit (by header or by counting) and with 503 when the bodies
     * in flight would exceed their budget ({@link BodyBudget}); the bytes are taken from the request's lease before
     * they are read.
     */
    byte[] body(ServerRequest req) {
        Optional<Long> declared = req.headers().contentLength().isPresent()
                ? Optional.of(req.headers().contentLength().getAsLong()) : Optional.empty();
        if (declared.isPresent() && declared.get() > limits.maxBodyBytes()) {
            throw tooLarge();
        }
        BodyBudget.Lease lease = req.context().get(BodyBudget.Lease.class).orElse(null);
        try (HttpConnections.BodyRead reading = HttpConnections.readingBody(req);
                InputStream in = reading.watch(req.content().inputStream())) {
            // a small body is read into a buffer of its size; a large one in pieces, each taken from the budget as
            // it arrives, so a client sending slowly holds only what it has sent
            int piece = (int) Math.max(1, Math.min(CHUNK_BYTES, declared.orElse((long) CHUNK_BYTES)));
            byte[] body = pieces(in, lease, piece);
            req.context().register(new ReadBody(body));
            return body;
        } catch (IOException | java.io.UncheckedIOException
                | io.helidon.common.buffers.DataReader.InsufficientDataAvailableException e) {
            // the client went away mid-body: its mistake, a 400 (nobody reads it) and no stack trace in the log
            throw ApiException.badRequest("unreadable_body", "the request body could not be read");
        }
    }

    /**
     * The body read a piece at a time, each taken from the budget before it is read; a refusal part way drops the
     * rest of the body first (bounded), so that the client can read the answer.
     */
    private byte[] pieces(InputStream in, BodyBudget.Lease lease, int pieceBytes) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        long total = 0;
        while (true) {
            try {
                take(lease, pieceBytes);
            } catch (ApiException busy) {
                BodyBudget.skip(in, limits.maxBodyBytes());
                throw busy;
            }
            byte[] part = in.readNBytes(pieceBytes);
            total += part.length;
            if (total > limits.maxBodyBytes()) {
                BodyBudget.skip(in, limits.maxBodyBytes());
                throw tooLarge();
            }
            parts.add(part);
            if (part.length < pieceBytes) {
                break;
            }
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        byte[] body = new byte[(int) total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, body, at, part.length);
            at += part.length;
        }
        return body;
    }

    private static void take(BodyBudget.Lease lease, long bytes) {
        if (lease != null) {
            lease.take(bytes);
        }
    }

    private ApiException tooLarge() {
        return ApiException.drained(Status.REQUEST_ENTITY_TOO_LARGE_413, "body_too_large",
                "the request body exceeds " + limits.maxBodyBytes() + " bytes", 0);
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
