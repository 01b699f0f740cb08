package io.brainstem.adapters.persistence.relational;

import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.SignatureId;

/**
 * The canonical event of a row of {@code events}, as read and written: times in microseconds since the epoch,
 * the message and the field sources in full (the row itself may hold the message as an offset into the raw
 * message, and the field sources as the id of a shared entry; ADR 14).
 */
public record CanonicalEventRow(Long id, String tenantId, String sourceType, String sourceId, String sourcePath,
        Long timestamp, String host, String service, String severity, String facility, String message,
        String eventFamily, String signatureId, String structuredFields, String fieldSources, String parserName,
        String parserVersion, Long createdAt) {

    public static CanonicalEventRow from(CanonicalEvent e, String fieldSourcesJson) {
        return new CanonicalEventRow(e.id().value(), e.tenantId().value(), e.sourceType(), e.sourceId(),
                e.sourcePath(), SqlTimes.micros(e.timestamp()), e.host(), e.service(), e.severity().wireName(),
                e.facility(), e.message(), e.eventFamily().wireName(), e.signatureId().value(),
                JsonColumns.write(e.structuredFields()), fieldSourcesJson, e.parser().name(),
                e.parser().version(), SqlTimes.micros(e.createdAt()));
    }

    public CanonicalEvent toDomain() {
        return new CanonicalEvent(new RawEnvelopeId(id), TenantId.of(tenantId), sourceType, sourceId, sourcePath,
                SqlTimes.fromMicros(timestamp), host, service, Severity.parse(severity).orElseThrow(), facility,
                message, EventFamily.fromWireName(eventFamily).orElse(EventFamily.GENERIC),
                new SignatureId(signatureId), JsonColumns.object(structuredFields),
                JsonColumns.strings(fieldSources), new ParserInfo(parserName, parserVersion),
                SqlTimes.fromMicros(createdAt));
    }
}
