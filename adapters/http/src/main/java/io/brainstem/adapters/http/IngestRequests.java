package io.brainstem.adapters.http;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import java.util.List;
import java.util.Map;

/** Request bodies of the ingest endpoints, exactly as the seed names their fields (snake_case on the wire). */
final class IngestRequests {

    private IngestRequests() {
    }

    /** One event of {@code POST /ingest/event} or of a batch's {@code events}. */
    record EventRequest(String tenantId, String sourceType, String sourceId, String sourceName, String sourcePath,
            String timestamp, String host, String service, String severity, String assetId, String facility,
            String messageRaw, Map<String, Object> structuredFields, Map<String, Object> correlationKeys,
            Map<String, Object> metadata) {

        EnvelopeContent toContent(TenantId defaultTenant) {
            return new EnvelopeContent(tenant(tenantId, defaultTenant), sourceType, sourceId, sourceName,
                    sourcePath, timestamp, host, service, severity, assetId, facility, messageRaw, structuredFields,
                    correlationKeys, metadata);
        }
    }

    /** {@code POST /ingest/batch}. */
    record BatchRequest(Integer threshold, String dbPath, List<EventRequest> events) {
    }

    static TenantId tenant(String given, TenantId fallback) {
        if (given == null || given.isBlank()) {
            return fallback;
        }
        if (given.strip().length() > TenantId.MAX_LENGTH) {
            throw ApiException.badRequest("invalid_field", "field 'tenant_id' must be at most "
                    + TenantId.MAX_LENGTH + " characters");
        }
        return TenantId.of(given);
    }
}
