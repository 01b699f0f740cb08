package io.brainstem.domain.event;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.envelope.SourceType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns an envelope into a {@link ParseOutcome}. This first version takes the envelope's own fields; the
 * per-source parsers replace it behind the same method.
 */
public final class Canonicalizer {

    public static final ParserInfo PARSER = new ParserInfo("brainstem-envelope", "0.1.0");

    public ParseOutcome canonicalize(EnvelopeContent content, Instant receivedAt) {
        if (!SourceType.isKnown(content.sourceType())) {
            return new ParseOutcome.Unsupported("source_type '" + content.sourceType() + "' is not one of "
                    + SourceType.KNOWN, PARSER);
        }
        String message = content.messageRaw();
        if (message == null || message.isBlank()) {
            return new ParseOutcome.Failed("message_raw is empty", PARSER);
        }
        Map<String, String> sources = new HashMap<>();
        Instant timestamp = receivedAt;
        sources.put("timestamp", "received_at");
        if (content.timestamp() != null) {
            try {
                timestamp = OffsetDateTime.parse(content.timestamp()).toInstant();
                sources.put("timestamp", "client");
            } catch (DateTimeParseException e) {
                return new ParseOutcome.Failed("timestamp '" + content.timestamp() + "' is not RFC 3339", PARSER);
            }
        }
        Severity severity = Severity.parse(content.severity()).orElse(Severity.NOTICE);
        return new ParseOutcome.Parsed(new ParsedEvent(timestamp, content.host(), content.service(), severity,
                content.facility(), message.strip(), content.structuredFields(), sources), PARSER);
    }
}
