package io.brainstem.domain.event.parsing;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.ParserInfo;
import java.time.Instant;

/**
 * {@code source_type = syslog}: the message is one syslog line (RFC 5424 or RFC 3164); see
 * {@link SyslogParser}. Parser names {@code rfc5424}, {@code rfc3164}, or {@code syslog} for a bad PRI.
 */
public final class SyslogSourceParser implements SourceParser {

    private final SyslogParser syslog;

    public SyslogSourceParser(SyslogParser syslog) {
        this.syslog = syslog;
    }

    @Override
    public ParserInfo parser() {
        return SyslogParser.SYSLOG;
    }

    @Override
    public Extraction extract(String message, EnvelopeContent content, Instant receivedAt) {
        return switch (syslog.parse(message, receivedAt)) {
            case SyslogParse.Parsed parsed -> parsed.message().toExtraction();
            case SyslogParse.Malformed malformed -> new Extraction.Rejected(malformed.parser(), malformed.reason());
        };
    }
}
