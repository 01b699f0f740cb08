package io.brainstem.adapters.persistence.relational;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The envelope columns of a row of {@code events}. The optional fields a sender may set on an envelope
 * (timestamp, host, service, severity, asset_id, facility, structured_fields, correlation_keys, metadata)
 * share one JSON column, {@code sent_fields}, holding those that were set: syslog sets none of them, and one
 * column instead of nine is nine fewer parameters bound per event (ADR 12). Times are microseconds since the
 * epoch (ADR 14).
 */
public record RawEnvelopeRow(Long id, String tenantId, String sourceType, String sourceId, String sourceName,
        String sourcePath, String messageRaw, String sentFields, Long receivedAt, String status,
        String failureReason, String parserName, String parserVersion, Integer attempts, Long lastAttemptAt) {

    public static RawEnvelopeRow from(RawEnvelope e) {
        EnvelopeContent c = e.content();
        return new RawEnvelopeRow(e.id().value(), c.tenantId().value(), c.sourceType(), c.sourceId(), c.sourceName(),
                c.sourcePath(), c.messageRaw(), sentFields(c), SqlTimes.micros(e.receivedAt()), e.status().wireName(),
                e.failureReason().orElse(null), e.parser().map(ParserInfo::name).orElse(null),
                e.parser().map(ParserInfo::version).orElse(null), e.attempts(),
                SqlTimes.micros(e.lastAttemptAt().orElse(null)));
    }

    /** The metadata of the last envelope that set nothing else, and its sent_fields text (syslog, files). */
    private static final JsonColumns.Memo METADATA_ONLY = new JsonColumns.Memo();

    private static String sentFields(EnvelopeContent c) {
        if (c.timestamp() == null && c.host() == null && c.service() == null && c.severity() == null
                && c.assetId() == null && c.facility() == null && isEmpty(c.structuredFields())
                && isEmpty(c.correlationKeys()) && !isEmpty(c.metadata())) {
            // what every syslog datagram and file line carries: the same few metadata entries, batch after batch
            return METADATA_ONLY.write(java.util.Collections.singletonMap("metadata", c.metadata()));
        }
        Map<String, Object> sent = new LinkedHashMap<>();
        put(sent, "timestamp", c.timestamp());
        put(sent, "host", c.host());
        put(sent, "service", c.service());
        put(sent, "severity", c.severity());
        put(sent, "asset_id", c.assetId());
        put(sent, "facility", c.facility());
        put(sent, "structured_fields", c.structuredFields());
        put(sent, "correlation_keys", c.correlationKeys());
        put(sent, "metadata", c.metadata());
        return JsonColumns.write(sent);
    }

    private static boolean isEmpty(Map<?, ?> map) {
        return map == null || map.isEmpty();
    }

    private static void put(Map<String, Object> sent, String key, Object value) {
        if (value != null && !(value instanceof Map<?, ?> m && m.isEmpty())) {
            sent.put(key, value);
        }
    }

    public RawEnvelope toDomain() {
        Map<String, Object> sent = JsonColumns.object(sentFields);
        EnvelopeContent content = new EnvelopeContent(TenantId.of(tenantId), sourceType, sourceId, sourceName,
                sourcePath, text(sent, "timestamp"), text(sent, "host"), text(sent, "service"),
                text(sent, "severity"), text(sent, "asset_id"), text(sent, "facility"), messageRaw,
                object(sent, "structured_fields"), object(sent, "correlation_keys"), object(sent, "metadata"));
        ParserInfo parser = parserName == null ? null : new ParserInfo(parserName, parserVersion);
        return RawEnvelope.restore(new RawEnvelopeId(id), content, SqlTimes.fromMicros(receivedAt),
                EnvelopeStatus.fromWireName(status).orElseThrow(), failureReason, parser, attempts,
                SqlTimes.fromMicros(lastAttemptAt));
    }

    private static String text(Map<String, Object> sent, String key) {
        return sent.get(key) instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> sent, String key) {
        return sent.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
