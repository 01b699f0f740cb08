package io.brainstem.adapters.http;

/**
 * Limits the HTTP adapter enforces before anything reaches a use case.
 *
 * @param maxBodyBytes   largest request body accepted (413 above)
 * @param maxBatchEvents most events in one batch (400 above)
 * @param maxLimit       largest {@code limit} query parameter (400 above)
 */
public record ApiLimits(long maxBodyBytes, int maxBatchEvents, int maxLimit) {

    public static final ApiLimits DEFAULTS = new ApiLimits(16L * 1024 * 1024, 10_000, 1_000);

    public ApiLimits {
        if (maxBodyBytes < 1024 || maxBatchEvents < 1 || maxLimit < 1) {
            throw new IllegalArgumentException("limits must be positive (body at least 1 KiB)");
        }
    }
}
