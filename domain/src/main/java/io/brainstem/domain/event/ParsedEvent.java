package io.brainstem.domain.event;

import io.brainstem.domain.shared.DomainViolation;
import java.time.Instant;
import java.util.Map;

/**
 * What a parser made of an envelope: the normalized fields, before a signature is assigned.
 *
 * @param fieldSources for each of timestamp, host, service, severity, facility: where its value came
 *                     from ({@code client}, {@code parsed}, {@code received_at}, {@code default}...)
 */
public record ParsedEvent(
        Instant timestamp,
        String host,
        String service,
        Severity severity,
        String facility,
        String message,
        Map<String, Object> structuredFields,
        Map<String, String> fieldSources) {

    public ParsedEvent {
        DomainViolation.requirePresent(timestamp, "timestamp");
        DomainViolation.requirePresent(severity, "severity");
        DomainViolation.requirePresent(message, "message");
        structuredFields = structuredFields == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(structuredFields));
        fieldSources = fieldSources == null ? Map.of() : Map.copyOf(fieldSources);
    }

    /**
     * The time its pattern is counted at ({@link EventTime}): the timestamp, unless that is out of bounds, then
     * {@code madeAt}, when the event is made of it.
     */
    public Instant observedAt(Instant madeAt) {
        return EventTime.observedAt(timestamp, fieldSources, madeAt);
    }
}
