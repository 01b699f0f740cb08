package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;

/** One row of {@code raw_envelopes}. */
public record RawEnvelopeRow(Long id, String tenantId, String sourceType, String sourceId, String sourceName,
        String sourcePath, String timestamp, String host, String service, String severity, String assetId,
        String facility, String messageRaw, String structuredFields, String correlationKeys, String metadata,
        String receivedAt, String status, String failureReason, String parserName, String parserVersion,
        Integer attempts, String lastAttemptAt) {

    static RawEnvelopeRow from(RawEnvelope e) {
        EnvelopeContent c = e.content();
        return new RawEnvelopeRow(e.id().value(), c.tenantId().value(), c.sourceType(), c.sourceId(), c.sourceName(),
                c.sourcePath(), c.timestamp(), c.host(), c.service(), c.severity(), c.assetId(), c.facility(),
                c.messageRaw(), JsonColumns.write(c.structuredFields()), JsonColumns.write(c.correlationKeys()),
                JsonColumns.write(c.metadata()), SqlTimes.format(e.receivedAt()), e.status().wireName(),
                e.failureReason().orElse(null), e.parser().map(ParserInfo::name).orElse(null),
                e.parser().map(ParserInfo::version).orElse(null), e.attempts(),
                SqlTimes.format(e.lastAttemptAt().orElse(null)));
    }

    RawEnvelope toDomain() {
        EnvelopeContent content = new EnvelopeContent(TenantId.of(tenantId), sourceType, sourceId, sourceName,
                sourcePath, timestamp, host, service, severity, assetId, facility, messageRaw,
                JsonColumns.object(structuredFields), JsonColumns.object(correlationKeys),
                JsonColumns.object(metadata));
        ParserInfo parser = parserName == null ? null : new ParserInfo(parserName, parserVersion);
        return RawEnvelope.restore(new RawEnvelopeId(id), content, SqlTimes.parse(receivedAt),
                EnvelopeStatus.fromWireName(status).orElseThrow(), failureReason, parser, attempts,
                SqlTimes.parse(lastAttemptAt));
    }
}
