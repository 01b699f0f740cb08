package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.SignatureId;

/** One row of {@code canonical_events}. */
public record CanonicalEventRow(Long id, String tenantId, String sourceType, String sourceId, String sourcePath,
        String timestamp, String host, String service, String severity, String facility, String message,
        String eventFamily, String signatureId, String structuredFields, String fieldSources, String parserName,
        String parserVersion, String createdAt) {

    private static final JsonColumns.Memo FIELD_SOURCES = new JsonColumns.Memo();

    static CanonicalEventRow from(CanonicalEvent e) {
        return new CanonicalEventRow(e.id().value(), e.tenantId().value(), e.sourceType(), e.sourceId(),
                e.sourcePath(), SqlTimes.format(e.timestamp()), e.host(), e.service(), e.severity().wireName(),
                e.facility(), e.message(), e.eventFamily().wireName(), e.signatureId().value(),
                JsonColumns.write(e.structuredFields()), FIELD_SOURCES.write(e.fieldSources()), e.parser().name(),
                e.parser().version(), SqlTimes.format(e.createdAt()));
    }

    CanonicalEvent toDomain() {
        return new CanonicalEvent(new RawEnvelopeId(id), TenantId.of(tenantId), sourceType, sourceId, sourcePath,
                SqlTimes.parse(timestamp), host, service, Severity.parse(severity).orElseThrow(), facility, message,
                EventFamily.fromWireName(eventFamily).orElse(EventFamily.GENERIC), new SignatureId(signatureId),
                JsonColumns.object(structuredFields), JsonColumns.strings(fieldSources),
                new ParserInfo(parserName, parserVersion), SqlTimes.parse(createdAt));
    }
}
