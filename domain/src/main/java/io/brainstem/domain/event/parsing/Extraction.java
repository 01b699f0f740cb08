package io.brainstem.domain.event.parsing;

import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.shared.DomainViolation;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one source parser read from an envelope's message, before the client's explicit fields are laid
 * over it: either the fields it found, or why the message cannot be read.
 */
public sealed interface Extraction permits Extraction.Found, Extraction.Rejected {

    ParserInfo parser();

    /**
     * Fields read from the message; any of them may be {@link Sourced#none()}.
     *
     * @param sourceNotes extra {@code fieldSources} entries, e.g. a level the parser did not recognize
     */
    record Found(
            ParserInfo parser,
            Sourced<Instant> timestamp,
            Sourced<String> host,
            Sourced<String> service,
            Sourced<Severity> severity,
            Sourced<String> facility,
            String message,
            Map<String, Object> structuredFields,
            Map<String, String> sourceNotes) implements Extraction {

        public Found {
            DomainViolation.requirePresent(parser, "parser");
            DomainViolation.requirePresent(timestamp, "timestamp");
            DomainViolation.requirePresent(host, "host");
            DomainViolation.requirePresent(service, "service");
            DomainViolation.requirePresent(severity, "severity");
            DomainViolation.requirePresent(facility, "facility");
            DomainViolation.requirePresent(message, "message");
            structuredFields = structuredFields == null || structuredFields.isEmpty() ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(structuredFields));
            sourceNotes = sourceNotes == null ? Map.of() : Map.copyOf(sourceNotes);
        }

        public Found(ParserInfo parser, Sourced<Instant> timestamp, Sourced<String> host, Sourced<String> service,
                Sourced<Severity> severity, Sourced<String> facility, String message,
                Map<String, Object> structuredFields) {
            this(parser, timestamp, host, service, severity, facility, message, structuredFields, Map.of());
        }
    }

    /** The message cannot be read; {@code reason} is written for a person. */
    record Rejected(ParserInfo parser, String reason) implements Extraction {

        public Rejected {
            DomainViolation.requirePresent(parser, "parser");
            DomainViolation.requireText(reason, "reason");
        }
    }
}
