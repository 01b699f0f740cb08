package io.brainstem.domain.event.parsing;

import io.brainstem.domain.envelope.ParserInfo;

/** The two syslog framings brainstem reads, each with the parser name and version recorded on outcomes. */
public enum SyslogFormat {
    RFC5424(new ParserInfo("rfc5424", "1.1.0")),
    RFC3164(new ParserInfo("rfc3164", "1.1.0"));

    private final ParserInfo parser;

    SyslogFormat(ParserInfo parser) {
        this.parser = parser;
    }

    public ParserInfo parser() {
        return parser;
    }
}
