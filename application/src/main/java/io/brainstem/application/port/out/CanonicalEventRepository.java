package io.brainstem.application.port.out;

import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stores canonical events; an event has its envelope's id and a replay replaces it. */
public interface CanonicalEventRepository {

    void saveAll(Collection<CanonicalEvent> events);

    Optional<CanonicalEvent> findById(RawEnvelopeId id);

    /** The newest {@code limit} events of a tenant, returned oldest first (for warming detectors). */
    List<CanonicalEvent> latest(TenantId tenant, int limit);
}
