package io.brainstem.adapters.http;

import io.brainstem.application.port.in.InspectionQueries.SourceStatus;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.signature.Signature;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Wire shapes of what the inspection endpoints list. Domain objects are never serialized directly. */
final class InspectionJson {

    private InspectionJson() {
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    record SignatureJson(String signatureId, String tenantId, String template, String example, long occurrenceCount,
            String firstSeen, String lastSeen, List<String> hosts, long distinctHostCount, String service,
            String eventFamily) {
        static SignatureJson from(Signature s) {
            return new SignatureJson(s.id().value(), s.tenantId().value(), s.template(), s.example(),
                    s.occurrenceCount(), time(s.firstSeen()), time(s.lastSeen()), List.copyOf(s.hosts()),
                    s.distinctHostCount(), s.service(), s.eventFamily().wireName());
        }
    }

    /** {@code GET /signatures/{signature_id}}: the signature's fields and the ids merged into it. */
    record SignatureDetailJson(String signatureId, String tenantId, String template, String example,
            long occurrenceCount, String firstSeen, String lastSeen, List<String> hosts, long distinctHostCount,
            String service, String eventFamily, List<String> mergedFrom) {
        static SignatureDetailJson from(Signature s, List<io.brainstem.domain.signature.SignatureId> mergedFrom) {
            SignatureJson j = SignatureJson.from(s);
            return new SignatureDetailJson(j.signatureId(), j.tenantId(), j.template(), j.example(),
                    j.occurrenceCount(), j.firstSeen(), j.lastSeen(), j.hosts(), j.distinctHostCount(), j.service(),
                    j.eventFamily(), mergedFrom.stream().map(io.brainstem.domain.signature.SignatureId::value)
                            .toList());
        }
    }

    record EventJson(long eventId, long rawEnvelopeId, String tenantId, String sourceType, String sourceId,
            String sourcePath, String timestamp, String host, String service, String severity, String facility,
            String message, String eventFamily, String signatureId, Map<String, Object> structuredFields,
            Map<String, String> fieldSources, String parserName, String parserVersion, String createdAt) {
        static EventJson from(CanonicalEvent e) {
            return new EventJson(e.id().value(), e.id().value(), e.tenantId().value(), e.sourceType(), e.sourceId(),
                    e.sourcePath(), time(e.timestamp()), e.host(), e.service(), e.severity().wireName(),
                    e.facility(), e.message(), e.eventFamily().wireName(), e.signatureId().value(),
                    e.structuredFields(), e.fieldSources(), e.parser().name(), e.parser().version(),
                    time(e.createdAt()));
        }
    }

    record EnvelopeJson(long rawEnvelopeId, String tenantId, String sourceType, String sourceId, String sourceName,
            String sourcePath, String timestamp, String host, String service, String severity, String assetId,
            String facility, String messageRaw, Map<String, Object> structuredFields,
            Map<String, Object> correlationKeys, Map<String, Object> metadata, String receivedAt, String status,
            String failureReason, String parserName, String parserVersion, int attempts, String lastAttemptAt) {
        static EnvelopeJson from(RawEnvelope e) {
            EnvelopeContent c = e.content();
            return new EnvelopeJson(e.id().value(), c.tenantId().value(), c.sourceType(), c.sourceId(),
                    c.sourceName(), c.sourcePath(), c.timestamp(), c.host(), c.service(), c.severity(), c.assetId(),
                    c.facility(), c.messageRaw(), c.structuredFields(), c.correlationKeys(), c.metadata(),
                    time(e.receivedAt()), e.status().wireName(), e.failureReason().orElse(null),
                    e.parser().map(ParserInfo::name).orElse(null), e.parser().map(ParserInfo::version).orElse(null),
                    e.attempts(), time(e.lastAttemptAt().orElse(null)));
        }
    }

    record SourceStatusJson(String tenantId, String sourceType, String sourceId, String sourcePath, long rawCount,
            long canonicalizedCount, long parseFailedCount, long unsupportedCount, long failedCount,
            String lastReceivedAt) {
        static SourceStatusJson from(SourceStatus s) {
            return new SourceStatusJson(s.tenantId(), s.sourceType(), s.sourceId(), s.sourcePath(), s.rawCount(),
                    s.canonicalizedCount(), s.parseFailedCount(), s.unsupportedCount(), s.failedCount(),
                    time(s.lastReceivedAt()));
        }
    }
}
