package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.TENANT;
import static io.brainstem.application.port.out.StorageFixtures.candidate;
import static io.brainstem.application.port.out.StorageFixtures.event;
import static io.brainstem.application.port.out.StorageFixtures.incident;
import static io.brainstem.application.port.out.StorageFixtures.receive;
import static io.brainstem.application.port.out.StorageFixtures.review;
import static io.brainstem.application.port.out.StorageFixtures.signature;
import static io.brainstem.application.port.out.StorageFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.MemoryQueries.EventQuery;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.memory.Incident;
import io.brainstem.domain.memory.ReviewDecision;
import io.brainstem.domain.memory.ReviewId;
import io.brainstem.domain.memory.SubjectType;
import io.brainstem.domain.signature.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RawEnvelopeRepository#deleteReceivedBefore} must do (ADR 20): it counts from receipt, deletes
 * oldest ids first in a bounded batch, takes the events (and their search rows) with the envelopes, and leaves
 * signatures, candidates, incidents and reviews alone.
 */
public abstract class RetentionContract {

    protected abstract Storage storage();

    private static final Instant LATER = T0.plus(Duration.ofHours(2));

    private Storage s;
    /** Received at T0 with event timestamps a day after; then received LATER with timestamps a day before T0. */
    private List<RawEnvelope> old;
    private List<RawEnvelope> recent;
    private Signature sig;
    private Candidate cand;
    private Incident inc;

    @BeforeEach
    void seed() {
        s = storage();
        old = receive(s, T0, "a", "b", "c");
        recent = receive(s, LATER, "d", "e");
        sig = signature(TENANT, "VPN tunnel <*>", T0);
        cand = candidate(TENANT, "vpn", 0.7, T0);
        inc = incident(cand, "VPN tunnel drops", "", List.of("VPN tunnel <*>"), T0);
        List<CanonicalEvent> events = new ArrayList<>();
        for (RawEnvelope e : old) {
            events.add(tunnelEvent(e, T0.plus(Duration.ofDays(1))));
        }
        for (RawEnvelope e : recent) {
            events.add(tunnelEvent(e, T0.minus(Duration.ofDays(1))));
        }
        write(s, () -> {
            s.canonicalEvents().saveAll(events);
            s.signatures().saveAll(List.of(sig));
            s.candidates().saveAll(List.of(cand));
            s.incidents().save(inc);
            s.reviews().save(review(1, TENANT, SubjectType.CANDIDATE, cand.id().value(), ReviewDecision.USEFUL, T0));
        });
    }

    private CanonicalEvent tunnelEvent(RawEnvelope e, Instant at) {
        return event(e.id().value(), TENANT, sig.id(),
                at, "fw-01", "charon", Severity.WARNING, "VPN tunnel dropped");
    }

    private int delete(Instant cutoff, int maxRows) {
        return s.unitOfWork().write(() -> s.rawEnvelopes().deleteReceivedBefore(cutoff, maxRows));
    }

    private Optional<Instant> oldest() {
        return s.unitOfWork().read(() -> s.rawEnvelopes().oldestReceivedAt());
    }

    private boolean kept(RawEnvelope e) {
        RawEnvelopeId id = e.id();
        boolean envelope = s.unitOfWork().read(() -> s.rawEnvelopes().findById(id)).isPresent();
        boolean event = s.unitOfWork().read(() -> s.canonicalEvents().findById(id)).isPresent();
        assertEquals(envelope, event, "an envelope and its event go together: " + id);
        return envelope;
    }

    private List<RawEnvelopeId> searched(String... words) {
        EventQuery q = new EventQuery(Optional.of(TENANT.value()), List.of(words), Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
        return s.unitOfWork().read(() -> s.inspection().searchEvents(q, 100)).stream().map(CanonicalEvent::id)
                .toList();
    }

    @Test
    void deletesByReceiptOldestIdsFirstInBoundedBatches() {
        Instant cutoff = T0.plus(Duration.ofHours(1));
        assertEquals(Optional.of(T0), oldest());
        assertEquals(2, delete(cutoff, 2));
        assertEquals(List.of(false, false, true, true, true), List.of(kept(old.get(0)), kept(old.get(1)),
                kept(old.get(2)), kept(recent.get(0)), kept(recent.get(1))));
        assertEquals(Optional.of(T0), oldest());

        assertEquals(1, delete(cutoff, 10));
        assertTrue(!kept(old.get(2)) && kept(recent.get(0)) && kept(recent.get(1)));
        assertEquals(Optional.of(LATER), oldest());
        assertEquals(0, delete(cutoff, 10));
    }

    @Test
    void theCutoffIsExclusiveAndAZeroBatchDeletesNothing() {
        assertEquals(0, delete(T0, 10));
        assertEquals(0, delete(LATER, 0));
        assertTrue(kept(old.getFirst()));
        assertEquals(3, delete(LATER, 10));
        assertTrue(kept(recent.getFirst()));
    }

    @Test
    void deletedEventsAreNoLongerFoundBySearch() {
        assertEquals(5, searched("tunnel").size());
        assertEquals(5, searched().size());
        delete(LATER, 10);
        List<RawEnvelopeId> recentIds = recent.stream().map(RawEnvelope::id).toList().reversed();
        assertEquals(recentIds, searched("tunnel"));
        assertEquals(recentIds, searched("vpn", "dropped"));
        assertEquals(recentIds, searched());
    }

    @Test
    void deletingEverythingLeavesNoOldestAndKeepsMemory() {
        assertEquals(5, delete(LATER.plusSeconds(1), 1_000));
        assertEquals(Optional.empty(), oldest());
        assertEquals(List.of(), searched("tunnel"));
        assertEquals(sig.id(), s.unitOfWork().read(() -> s.signatures().findById(TENANT, sig.id())).orElseThrow()
                .id());
        assertEquals(cand.id(), s.unitOfWork().read(() -> s.candidates().findById(cand.id())).orElseThrow().id());
        assertEquals(inc.id(), s.unitOfWork().read(() -> s.incidents().findById(inc.id())).orElseThrow().id());
        assertEquals(List.of(inc.id()), s.unitOfWork().read(() -> s.incidents().search(Optional.of(TENANT),
                List.of("tunnel"), 10)).stream().map(Incident::id).toList());
        assertEquals(List.of(ReviewId.of(1)), s.unitOfWork().read(() -> s.reviews().findBySubject(TENANT,
                SubjectType.CANDIDATE, cand.id().value(), 10)).stream().map(io.brainstem.domain.memory.Review::id).toList());
    }

    @Test
    void anEmptyStoreHasNoOldestAndNothingToDelete() {
        s = storage();
        assertEquals(Optional.empty(), oldest());
        assertEquals(0, delete(LATER, 10));
    }
}
