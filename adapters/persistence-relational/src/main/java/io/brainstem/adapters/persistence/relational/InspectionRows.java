package io.brainstem.adapters.persistence.relational;

/** Small rows of aggregate queries. */
public final class InspectionRows {

    private InspectionRows() {
    }

    /** A value and how many rows carry it. */
    public record ValueCountRow(String value, Long count) {
    }

    /** One source with its envelope counts by status. */
    public record SourceStatusRow(String tenantId, String sourceType, String sourceId, String sourcePath,
            Long rawCount, Long canonicalizedCount, Long parseFailedCount, Long unsupportedCount,
            Long lastReceivedAt) {
    }

    /** A row's id and receive time (microseconds). */
    public record IdTimeRow(Long id, Long receivedAt) {
    }
}
