package io.brainstem.domain.event.parsing;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.shared.Text;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields a client set explicitly on an envelope; they win over anything parsed. Blank text counts as
 * not sent. Severity and facility are kept as sent; {@link EventAssembler} decides whether it knows them.
 */
public record ClientFields(
        Instant timestamp,
        String host,
        String service,
        String severity,
        String facility,
        Map<String, Object> structuredFields,
        String senderAddress) {

    /** Metadata key under which a network listener records who sent the message. */
    public static final String SENDER_ADDRESS = "sender_address";

    public ClientFields {
        senderAddress = Text.blankToNull(senderAddress);
        host = Text.blankToNull(host);
        service = Text.blankToNull(service);
        severity = Text.blankToNull(severity);
        facility = Text.blankToNull(facility);
        structuredFields = structuredFields == null || structuredFields.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(structuredFields));
    }

    /** @param timestamp the envelope's timestamp, already parsed (null when the client sent none) */
    public static ClientFields of(EnvelopeContent content, Instant timestamp) {
        Object sender = content.metadata().get(SENDER_ADDRESS);
        return new ClientFields(timestamp, content.host(), content.service(), content.severity(),
                content.facility(), content.structuredFields(), sender instanceof String s ? s : null);
    }

    /** For sources whose envelope severity and structured fields are the source's own data, not overrides. */
    public ClientFields withoutSeverityAndStructuredFields() {
        return new ClientFields(timestamp, host, service, null, facility, Map.of(), senderAddress);
    }
}
