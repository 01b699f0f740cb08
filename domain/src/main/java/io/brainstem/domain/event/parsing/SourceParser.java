package io.brainstem.domain.event.parsing;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.ParserInfo;
import java.time.Instant;

/** Reads the message of one source type. Implementations are stateless and thread-safe. */
public sealed interface SourceParser permits SyslogSourceParser, FileSourceParser, LogicMonitorSourceParser {

    /** The parser named on outcomes that fail before this source's parsing decided on a format. */
    ParserInfo parser();

    /**
     * @param message the envelope's message, already checked to be usable text (see {@link MessageText})
     */
    Extraction extract(String message, EnvelopeContent content, Instant receivedAt);

    /** The envelope fields that count as the client's explicit overrides for this source. */
    default ClientFields clientFields(EnvelopeContent content, Instant clientTimestamp) {
        return ClientFields.of(content, clientTimestamp);
    }
}
