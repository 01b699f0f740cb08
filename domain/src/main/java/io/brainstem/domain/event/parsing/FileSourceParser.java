package io.brainstem.domain.event.parsing;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.event.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * {@code source_type = file}: one line per envelope. A line that is itself a syslog line – it starts with a
 * valid PRI, or with a timestamp and a program tag ended by {@code :} or {@code [pid]}
 * ({@code Mar 22 03:00:00 fw-01 charon: ...}; a word ended by a space is not evidence enough) – is parsed
 * as one ({@code rfc5424}/{@code rfc3164}). Any other line ({@code file-line}) is the message as is (only
 * a trailing line terminator is dropped), with host, service, severity and timestamp from the envelope or
 * the defaults (received_at, notice). A file line never fails once it is text.
 */
public final class FileSourceParser implements SourceParser {

    public static final ParserInfo FILE_LINE = new ParserInfo("file-line", "1.0.0");

    private final SyslogParser syslog;

    public FileSourceParser(SyslogParser syslog) {
        this.syslog = syslog;
    }

    @Override
    public ParserInfo parser() {
        return FILE_LINE;
    }

    @Override
    public Extraction extract(String message, EnvelopeContent content, Instant receivedAt) {
        if (syslog.parse(message, receivedAt) instanceof SyslogParse.Parsed parsed && isSyslog(parsed.message())) {
            return parsed.message().toExtraction();
        }
        return new Extraction.Found(FILE_LINE, Sourced.none(), Sourced.none(), Sourced.none(),
                Sourced.of(Severity.NOTICE, FieldSource.DEFAULT), Sourced.none(), message, Map.of());
    }

    private static boolean isSyslog(SyslogMessage line) {
        return line.priority() != null || (line.timestamp() != null && line.markedTag());
    }
}
