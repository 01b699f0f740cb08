package io.brainstem.domain.envelope;

import io.brainstem.domain.shared.DomainViolation;
import java.util.Map;

/**
 * Everything a client sent for one event, exactly as sent. Only the tenant is required: a missing
 * source_type or message is kept and becomes {@code unsupported} or {@code parse_failed}, never an
 * error that would lose the envelope.
 *
 * <p>Structured fields, correlation keys and metadata are JSON-like maps (String, Number, Boolean,
 * List, Map, null values).
 */
public record EnvelopeContent(
        TenantId tenantId,
        String sourceType,
        String sourceId,
        String sourceName,
        String sourcePath,
        String timestamp,
        String host,
        String service,
        String severity,
        String assetId,
        String facility,
        String messageRaw,
        Map<String, Object> structuredFields,
        Map<String, Object> correlationKeys,
        Map<String, Object> metadata) {

    public EnvelopeContent {
        DomainViolation.requirePresent(tenantId, "tenant_id");
        structuredFields = immutable(structuredFields);
        correlationKeys = immutable(correlationKeys);
        metadata = immutable(metadata);
    }

    private static Map<String, Object> immutable(Map<String, Object> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    /** The same content with {@code name} as its source name. */
    public EnvelopeContent withSourceName(String name) {
        return new EnvelopeContent(tenantId, sourceType, sourceId, name, sourcePath, timestamp, host, service,
                severity, assetId, facility, messageRaw, structuredFields, correlationKeys, metadata);
    }

    /** Starts a builder for the common case of a few fields. */
    public static Builder builder(TenantId tenantId) {
        return new Builder(tenantId);
    }

    /** Fluent construction for callers that set only a few of the fifteen fields. */
    public static final class Builder {
        private final TenantId tenantId;
        private String sourceType;
        private String sourceId;
        private String sourceName;
        private String sourcePath;
        private String timestamp;
        private String host;
        private String service;
        private String severity;
        private String assetId;
        private String facility;
        private String messageRaw;
        private Map<String, Object> structuredFields = Map.of();
        private Map<String, Object> correlationKeys = Map.of();
        private Map<String, Object> metadata = Map.of();

        private Builder(TenantId tenantId) {
            this.tenantId = tenantId;
        }

        public Builder sourceType(String v) { this.sourceType = v; return this; }
        public Builder sourceId(String v) { this.sourceId = v; return this; }
        public Builder sourceName(String v) { this.sourceName = v; return this; }
        public Builder sourcePath(String v) { this.sourcePath = v; return this; }
        public Builder timestamp(String v) { this.timestamp = v; return this; }
        public Builder host(String v) { this.host = v; return this; }
        public Builder service(String v) { this.service = v; return this; }
        public Builder severity(String v) { this.severity = v; return this; }
        public Builder assetId(String v) { this.assetId = v; return this; }
        public Builder facility(String v) { this.facility = v; return this; }
        public Builder messageRaw(String v) { this.messageRaw = v; return this; }
        public Builder structuredFields(Map<String, Object> v) { this.structuredFields = v; return this; }
        public Builder correlationKeys(Map<String, Object> v) { this.correlationKeys = v; return this; }
        public Builder metadata(Map<String, Object> v) { this.metadata = v; return this; }

        public EnvelopeContent build() {
            return new EnvelopeContent(tenantId, sourceType, sourceId, sourceName, sourcePath, timestamp, host,
                    service, severity, assetId, facility, messageRaw, structuredFields, correlationKeys, metadata);
        }
    }
}
