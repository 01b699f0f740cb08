package io.brainstem.adapters.http;

/**
 * Limits the HTTP adapter enforces before anything reaches a use case.
 *
 * @param maxBodyBytes         largest request body accepted (413 above)
 * @param maxBatchEvents       most events in one batch (400 above)
 * @param maxLimit             largest {@code limit} query parameter (400 above)
 * @param maxResponseBytes     a list stops adding items once its items hold about this many bytes of JSON, and says
 *                             so ({@code truncated: true})
 * @param maxBodyBytesInFlight request body bytes held at once across all requests; a body that would go beyond is
 *                             answered 503 with {@code Retry-After}
 */
public record ApiLimits(long maxBodyBytes, int maxBatchEvents, int maxLimit, long maxResponseBytes,
        long maxBodyBytesInFlight) {

    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;
    public static final ApiLimits DEFAULTS = new ApiLimits(DEFAULT_MAX_BODY_BYTES, 10_000, 1_000);

    public ApiLimits {
        if (maxBodyBytes < 1024 || maxBatchEvents < 1 || maxLimit < 1) {
            throw new IllegalArgumentException("limits must be positive (body at least 1 KiB)");
        }
        if (maxResponseBytes < 64 * 1024) {
            throw new IllegalArgumentException("the response budget must be at least 64 KiB, was " + maxResponseBytes);
        }
        if (maxBodyBytesInFlight < maxBodyBytes) {
            throw new IllegalArgumentException("the body bytes in flight (" + maxBodyBytesInFlight
                    + ") must be at least the largest body (" + maxBodyBytes + ")");
        }
    }

    /** With the default response budget and body bytes in flight ({@link #defaultBodyBytesInFlight}). */
    public ApiLimits(long maxBodyBytes, int maxBatchEvents, int maxLimit) {
        this(maxBodyBytes, maxBatchEvents, maxLimit, DEFAULT_MAX_RESPONSE_BYTES,
                defaultBodyBytesInFlight(maxBodyBytes));
    }

    /**
     * A tenth of the maximum heap (about 38 MiB at {@code -Xmx384m}), and at least one largest body: a body being
     * parsed takes about five times its bytes (the pieces, the whole, the parser's characters and the string), so the
     * bodies in flight stay well inside the heap (bench/README.md, hostile clients).
     */
    public static long defaultBodyBytesInFlight(long maxBodyBytes) {
        return Math.max(maxBodyBytes, Runtime.getRuntime().maxMemory() / 10);
    }
}
