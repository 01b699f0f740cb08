package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.PARSER;
import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.content;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link RawEnvelopeRepository} must do. Subclasses supply a fresh, empty storage. */
public abstract class RawEnvelopeRepositoryContract {

    protected abstract Storage storage();

    @Test
    void receivedEnvelopesGetAscendingIdsAndComeBackWhole() {
        Storage s = storage();
        List<RawEnvelope> saved = s.unitOfWork().write(() ->
                s.rawEnvelopes().receiveAll(List.of(content("one"), content("two")), T0));
        assertEquals(2, saved.size());
        assertTrue(saved.get(0).id().value() < saved.get(1).id().value());

        RawEnvelope back = s.unitOfWork().read(() -> s.rawEnvelopes().findById(saved.get(1).id())).orElseThrow();
        assertEquals(content("two"), back.content());
        assertEquals(T0, back.receivedAt());
        assertEquals(EnvelopeStatus.RECEIVED, back.status());
        assertEquals(0, back.attempts());
    }

    @Test
    void outcomesAreSaved() {
        Storage s = storage();
        RawEnvelope e = s.unitOfWork().write(() -> {
            RawEnvelope r = s.rawEnvelopes().receiveAll(List.of(content("x")), T0).getFirst();
            r.markParseFailed("PRI 999 is out of range", PARSER, T0.plusSeconds(1));
            s.rawEnvelopes().saveOutcomes(List.of(r));
            return r;
        });
        RawEnvelope back = s.unitOfWork().read(() -> s.rawEnvelopes().findById(e.id())).orElseThrow();
        assertEquals(EnvelopeStatus.PARSE_FAILED, back.status());
        assertEquals("PRI 999 is out of range", back.failureReason().orElseThrow());
        assertEquals(PARSER, back.parser().orElseThrow());
        assertEquals(1, back.attempts());
        assertEquals(T0.plusSeconds(1), back.lastAttemptAt().orElseThrow());
    }

    @Test
    void findByIdsReturnsOnlyExistingInOrder() {
        Storage s = storage();
        List<RawEnvelope> saved = s.unitOfWork().write(() ->
                s.rawEnvelopes().receiveAll(List.of(content("a"), content("b"), content("c")), T0));
        List<RawEnvelope> found = s.unitOfWork().read(() -> s.rawEnvelopes().findByIds(List.of(
                saved.get(2).id(), new RawEnvelopeId(9_999), saved.get(0).id())));
        assertEquals(List.of(saved.get(0).id(), saved.get(2).id()), found.stream().map(RawEnvelope::id).toList());
    }

    @Test
    void findAfterFiltersByStatusAndPages() {
        Storage s = storage();
        List<RawEnvelope> saved = s.unitOfWork().write(() -> {
            List<RawEnvelope> r = s.rawEnvelopes().receiveAll(List.of(content("a"), content("b"), content("c")), T0);
            r.get(1).markUnsupported("nope", PARSER, T0);
            s.rawEnvelopes().saveOutcomes(r);
            return r;
        });
        List<RawEnvelope> received = s.unitOfWork().read(() ->
                s.rawEnvelopes().findAfter(0, Set.of(EnvelopeStatus.RECEIVED), null, 10));
        assertEquals(List.of(saved.get(0).id(), saved.get(2).id()), received.stream().map(RawEnvelope::id).toList());
        List<RawEnvelope> page = s.unitOfWork().read(() ->
                s.rawEnvelopes().findAfter(saved.get(0).id().value(), Set.of(), null, 1));
        assertEquals(List.of(saved.get(1).id()), page.stream().map(RawEnvelope::id).toList());
        assertTrue(s.unitOfWork().read(() ->
                s.rawEnvelopes().findAfter(0, Set.of(), T0.plusSeconds(1), 10)).isEmpty());
    }

    @Test
    void rolledBackWorkLeavesNothing() {
        Storage s = storage();
        try {
            s.unitOfWork().write(() -> {
                s.rawEnvelopes().receiveAll(List.of(content("doomed")), T0);
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the unit of work must roll back
        }
        assertTrue(s.unitOfWork().read(() -> s.rawEnvelopes().findAfter(0, Set.of(), null, 10)).isEmpty());
    }
}
