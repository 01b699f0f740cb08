package io.brainstem.application.port.out;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.memory.Incident;
import io.brainstem.domain.memory.IncidentId;
import java.util.List;
import java.util.Optional;

/**
 * Incident memory. Incidents outlive the events they were promoted from (retention never deletes them), and are
 * found again by full-text search (ADR 20).
 */
public interface IncidentRepository {

    /** Stores a new incident; an incident with the same id is left as it is (promotion never duplicates). */
    void save(Incident incident);

    Optional<Incident> findById(IncidentId id);

    /** The tenant's incidents, most recently promoted first, at most {@code limit}. */
    List<Incident> findByTenant(TenantId tenant, int limit);

    /**
     * Full-text search over title, summary, incident type and templates: an incident matches when it holds any
     * of {@code words} (case-insensitive, stemmed: {@code flaps} finds {@code flapping}). Those holding every word
     * come first, then by relevance (bm25 or the like); ties by most recently promoted. {@code tenant} empty =
     * every tenant. {@code words} holds at least one word.
     */
    List<Incident> search(Optional<TenantId> tenant, List<String> words, int limit);
}
