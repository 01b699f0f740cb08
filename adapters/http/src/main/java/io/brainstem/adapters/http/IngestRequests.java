package io.brainstem.adapters.http;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.SourceType;
import io.brainstem.domain.envelope.TenantId;
import java.util.List;
import java.util.Map;

/** Request bodies of the ingest endpoints, exactly as the seed names their fields (snake_case on the wire). */
final class IngestRequests {

    private IngestRequests() {
    }

    /**
     * One event of {@code POST /ingest/event} or of a batch's {@code events}. An event that names no
     * {@code source_type} is syslog, the source brainstem is for (it would otherwise be stored as {@code unsupported}
     * and never mined).
     */
    record EventRequest(String tenantId, String sourceType, String sourceId, String sourceName, String sourcePath,
            String timestamp, String host, String service, String severity, String assetId, String facility,
            String messageRaw, Map<String, Object> structuredFields, Map<String, Object> correlationKeys,
            Map<String, Object> metadata) {

        EnvelopeContent toContent(TenantId defaultTenant) {
            String type = sourceType == null || sourceType.isBlank() ? SourceType.SYSLOG : sourceType;
            return new EnvelopeContent(tenant(tenantId, defaultTenant), type, sourceId, sourceName,
                    sourcePath, timestamp, host, service, severity, assetId, facility, messageRaw, structuredFields,
                    correlationKeys, metadata);
        }
    }

    /** {@code POST /ingest/batch}. */
    record BatchRequest(Integer threshold, String dbPath, List<EventRequest> events) {
    }

    /** {@code POST /ingest/logicmonitor}; alerts are free-form objects checked field by field. */
    record LogicMonitorRequest(String tenantId, String sourcePath, Integer threshold, String dbPath,
            List<Map<String, Object>> events) {
    }

    static final String LOGICMONITOR_DEFAULT_PATH = "/logicmonitor/ingest";

    /** One LogicMonitor alert as an envelope; a field of the wrong type is a 400 naming it. */
    @SuppressWarnings("unchecked")
    static EnvelopeContent logicMonitorAlert(Map<String, Object> alert, int index, TenantId tenant,
            String sourcePath) {
        String at = "events[" + index + "]";
        if (alert == null) {
            throw ApiException.badRequest("invalid_field", "field '" + at + "' must be an object");
        }
        Map<String, Object> fields = new java.util.LinkedHashMap<>(alert);
        String message = text(fields.remove("message_raw"), at + ".message_raw");
        Object severityValue = fields.remove("severity");
        String severity = severityValue instanceof Number n ? n.toString() : text(severityValue, at + ".severity");
        Object metadata = fields.remove("metadata");
        if (metadata != null && !(metadata instanceof Map)) {
            throw ApiException.badRequest("invalid_field", "field '" + at + ".metadata' must be an object");
        }
        Object resourceId = fields.get("resource_id");
        if (resourceId != null && !(resourceId instanceof Number || resourceId instanceof String)) {
            throw ApiException.badRequest("invalid_field", "field '" + at + ".resource_id' must be a number or string");
        }
        String resourceName = text(fields.get("resource_name"), at + ".resource_name");
        String host = text(fields.remove("host"), at + ".host");
        String service = text(fields.remove("service"), at + ".service");
        String timestamp = text(fields.remove("timestamp"), at + ".timestamp");
        return EnvelopeContent.builder(tenant).sourceType("logicmonitor")
                .sourceId(resourceId == null ? null : resourceId.toString()).sourceName(resourceName)
                .sourcePath(sourcePath == null || sourcePath.isBlank() ? LOGICMONITOR_DEFAULT_PATH : sourcePath)
                .host(host).service(service).timestamp(timestamp).severity(severity).messageRaw(message)
                .metadata(metadata == null ? Map.of() : (Map<String, Object>) metadata)
                .structuredFields(fields).build();
    }

    private static String text(Object value, String field) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ApiException.badRequest("invalid_field", "field '" + field + "' must be a string");
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
