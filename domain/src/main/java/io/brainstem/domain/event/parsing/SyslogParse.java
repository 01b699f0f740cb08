package io.brainstem.domain.event.parsing;

import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.shared.DomainViolation;

/** The result of reading one syslog line: the message, or why the line is not one. */
public sealed interface SyslogParse permits SyslogParse.Parsed, SyslogParse.Malformed {

    record Parsed(SyslogMessage message) implements SyslogParse {
        public Parsed {
            DomainViolation.requirePresent(message, "syslog message");
        }
    }

    /** Not a readable syslog line; {@code parser} is the framing that rejected it. */
    record Malformed(ParserInfo parser, String reason) implements SyslogParse {
        public Malformed {
            DomainViolation.requirePresent(parser, "parser");
            DomainViolation.requireText(reason, "reason");
        }
    }
}
