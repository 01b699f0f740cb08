package io.brainstem.domain.event;

import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.shared.DomainViolation;

/** The result of canonicalizing one envelope: parsed, failed (with a reason a person reads), or unsupported. */
public sealed interface ParseOutcome permits ParseOutcome.Parsed, ParseOutcome.Failed, ParseOutcome.Unsupported {

    ParserInfo parser();

    record Parsed(ParsedEvent event, ParserInfo parser) implements ParseOutcome {
        public Parsed {
            DomainViolation.requirePresent(event, "parsed event");
            DomainViolation.requirePresent(parser, "parser");
        }
    }

    record Failed(String reason, ParserInfo parser) implements ParseOutcome {
        public Failed {
            DomainViolation.requireText(reason, "failure reason");
            DomainViolation.requirePresent(parser, "parser");
        }
    }

    record Unsupported(String reason, ParserInfo parser) implements ParseOutcome {
        public Unsupported {
            DomainViolation.requireText(reason, "unsupported reason");
            DomainViolation.requirePresent(parser, "parser");
        }
    }
}
