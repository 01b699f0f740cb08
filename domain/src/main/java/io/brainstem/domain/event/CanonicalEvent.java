package io.brainstem.domain.event;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.shared.DomainViolation;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.SignatureId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The normalized event made from one raw envelope. One envelope yields at most one canonical event, so
 * the event shares the envelope's id; a replay replaces it.
 */
public record CanonicalEvent(
        RawEnvelopeId id,
        TenantId tenantId,
        String sourceType,
        String sourceId,
        String sourcePath,
        Instant timestamp,
        String host,
        String service,
        Severity severity,
        String facility,
        String message,
        EventFamily eventFamily,
        SignatureId signatureId,
        Map<String, Object> structuredFields,
        Map<String, String> fieldSources,
        ParserInfo parser,
        Instant createdAt) {

    public CanonicalEvent {
        DomainViolation.requirePresent(id, "event id");
        DomainViolation.requirePresent(tenantId, "tenant_id");
        DomainViolation.requirePresent(timestamp, "timestamp");
        DomainViolation.requirePresent(severity, "severity");
        DomainViolation.requirePresent(message, "message");
        DomainViolation.requirePresent(eventFamily, "event_family");
        DomainViolation.requirePresent(signatureId, "signature_id");
        DomainViolation.requirePresent(parser, "parser");
        DomainViolation.requirePresent(createdAt, "created_at");
        structuredFields = structuredFields == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(structuredFields));
        fieldSources = fieldSources == null ? Map.of() : Map.copyOf(fieldSources);
    }

    /** Builds the event for an envelope from what its parser found and the signature it matched. */
    public static CanonicalEvent from(RawEnvelopeId id, TenantId tenantId, String sourceType, String sourceId,
            String sourcePath, ParsedEvent parsed, SignatureId signatureId, EventFamily family, ParserInfo parser,
            Instant createdAt) {
        return new CanonicalEvent(id, tenantId, sourceType, sourceId, sourcePath, parsed.timestamp(),
                parsed.host(), parsed.service(), parsed.severity(), parsed.facility(), parsed.message(), family,
                signatureId, parsed.structuredFields(), parsed.fieldSources(), parser, createdAt);
    }

    /**
     * The time its pattern is counted at ({@link EventTime}): the timestamp, unless that is out of bounds, then when
     * the event was made ({@code createdAt}).
     */
    public Instant observedAt() {
        return EventTime.observedAt(timestamp, fieldSources, createdAt);
    }

    /** An event is made from one envelope and keeps its id, tenant and source. */
    public boolean isFrom(RawEnvelope envelope) {
        EnvelopeContent c = envelope.content();
        return id.equals(envelope.id()) && tenantId.equals(c.tenantId()) && Objects.equals(sourceType, c.sourceType())
                && Objects.equals(sourceId, c.sourceId()) && Objects.equals(sourcePath, c.sourcePath());
    }

    /** This event under the signature its id was merged into (ADR 16): the same event, counted for the survivor. */
    public CanonicalEvent underSignature(SignatureId survivor) {
        return new CanonicalEvent(id, tenantId, sourceType, sourceId, sourcePath, timestamp, host, service, severity,
                facility, message, eventFamily, survivor, structuredFields, fieldSources, parser, createdAt);
    }
}
