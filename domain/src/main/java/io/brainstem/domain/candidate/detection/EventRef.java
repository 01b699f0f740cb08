package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import java.time.Instant;

/** The little of an event that detection keeps after {@code observe} returns (never the message or fields). */
record EventRef(long id, Instant at, String host, String signatureId, Severity severity) {

    static EventRef of(CanonicalEvent event) {
        return of(event, event.severity());
    }

    /** The event counted at {@code severity} (see {@link CandidateDetector#effectiveSeverity}). */
    static EventRef of(CanonicalEvent event, Severity severity) {
        return new EventRef(event.id().value(), event.observedAt(), event.host(), event.signatureId().value(),
                severity);
    }
}
