package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.TENANT;
import static io.brainstem.application.port.out.StorageFixtures.content;
import static io.brainstem.application.port.out.StorageFixtures.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.signature.SignatureId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link CanonicalEventRepository} must do. */
public abstract class CanonicalEventRepositoryContract {

    protected abstract Storage storage();

    private List<RawEnvelope> envelopes(Storage s, int n) {
        return s.unitOfWork().write(() -> s.rawEnvelopes().receiveAll(
                java.util.stream.IntStream.range(0, n).mapToObj(i -> content("m" + i)).toList(), T0));
    }

    @Test
    void eventsComeBackWholeAndReplaceById() {
        Storage s = storage();
        List<RawEnvelope> env = envelopes(s, 1);
        long id = env.getFirst().id().value();
        SignatureId sig = SignatureId.derive("t", "VPN tunnel <*>");
        CanonicalEvent e = event(id, TENANT, sig, T0);
        s.unitOfWork().write(() -> {
            s.canonicalEvents().saveAll(List.of(e));
            return null;
        });
        assertEquals(e, s.unitOfWork().read(() -> s.canonicalEvents().findById(e.id())).orElseThrow());

        CanonicalEvent replaced = event(id, TENANT, SignatureId.derive("t", "other"), T0.plusSeconds(3));
        s.unitOfWork().write(() -> {
            s.canonicalEvents().saveAll(List.of(replaced));
            return null;
        });
        assertEquals(replaced, s.unitOfWork().read(() -> s.canonicalEvents().findById(e.id())).orElseThrow());
    }

    @Test
    void anEventWithAnEmptyMessageComesBackWhole() {
        Storage s = storage();
        long id = s.unitOfWork().write(() -> s.rawEnvelopes().receiveAll(List.of(content("<14>Mar 22 03:00:00 X4711")),
                T0)).getFirst().id().value();
        CanonicalEvent base = event(id, TENANT, SignatureId.derive("t", "<empty>"), T0);
        CanonicalEvent headerOnly = new CanonicalEvent(base.id(), base.tenantId(), base.sourceType(), base.sourceId(),
                base.sourcePath(), base.timestamp(), "X4711", null, base.severity(), base.facility(), "",
                base.eventFamily(), base.signatureId(), base.structuredFields(), base.fieldSources(), base.parser(),
                base.createdAt());
        s.unitOfWork().write(() -> {
            s.canonicalEvents().saveAll(List.of(headerOnly));
            return null;
        });
        assertEquals(headerOnly, s.unitOfWork().read(() -> s.canonicalEvents().findById(headerOnly.id())).orElseThrow());
    }

    @Test
    void anEventBelongsToAStoredEnvelopeOfItsTenantAndSource() {
        Storage s = storage();
        List<RawEnvelope> env = envelopes(s, 1);
        SignatureId sig = SignatureId.derive("t", "x");
        assertThrows(StorageException.class, () -> s.unitOfWork().write(() -> {
            s.canonicalEvents().saveAll(List.of(event(env.getFirst().id().value() + 100, TENANT, sig, T0)));
            return null;
        }));
        assertThrows(StorageException.class, () -> s.unitOfWork().write(() -> {
            s.canonicalEvents().saveAll(List.of(event(env.getFirst().id().value(), TenantId.of("other"), sig, T0)));
            return null;
        }));
        assertTrue(s.unitOfWork().read(() -> s.canonicalEvents().findById(env.getFirst().id())).isEmpty());
    }

    @Test
    void anEventSavedInTheTransactionThatReceivedItsEnvelopeIsReadableThere() {
        Storage s = storage();
        SignatureId sig = SignatureId.derive("t", "x");
        CanonicalEvent found = s.unitOfWork().write(() -> {
            RawEnvelope e = s.rawEnvelopes().receiveAll(List.of(content("m")), T0).getFirst();
            s.canonicalEvents().saveAll(List.of(event(e.id().value(), TENANT, sig, T0)));
            return s.canonicalEvents().findById(e.id()).orElseThrow();
        });
        assertEquals(sig, found.signatureId());
        assertEquals(found, s.unitOfWork().read(() -> s.canonicalEvents().findById(found.id())).orElseThrow());
    }

    @Test
    void anEventSavedAfterAReadOfEventsInTheSameTransactionIsStoredWithItsEnvelope() {
        Storage s = storage();
        SignatureId sig = SignatureId.derive("t", "x");
        CanonicalEvent found = s.unitOfWork().write(() -> {
            RawEnvelope e = s.rawEnvelopes().receiveAll(List.of(content("m")), T0).getFirst();
            s.canonicalEvents().latest(TENANT, 10); // a store may write what it holds before such a read
            s.canonicalEvents().saveAll(List.of(event(e.id().value(), TENANT, sig, T0)));
            return s.canonicalEvents().findById(e.id()).orElseThrow();
        });
        assertEquals(found, s.unitOfWork().read(() -> s.canonicalEvents().findById(found.id())).orElseThrow());
    }

    @Test
    void latestReturnsNewestOfTenantOldestFirst() {
        Storage s = storage();
        TenantId other = TenantId.of("other");
        List<RawEnvelope> env = s.unitOfWork().write(() -> s.rawEnvelopes().receiveAll(List.of(content("a"),
                EnvelopeContent.builder(other).sourceType("syslog").sourceId("fw-01").sourcePath("/var/log/syslog")
                        .messageRaw("b").build(), content("c"), content("d")), T0));
        SignatureId sig = SignatureId.derive("t", "x");
        s.unitOfWork().write(() -> {
            s.canonicalEvents().saveAll(List.of(
                    event(env.get(0).id().value(), TENANT, sig, T0),
                    event(env.get(1).id().value(), other, sig, T0),
                    event(env.get(2).id().value(), TENANT, sig, T0),
                    event(env.get(3).id().value(), TENANT, sig, T0)));
            return null;
        });
        List<CanonicalEvent> latest = s.unitOfWork().read(() -> s.canonicalEvents().latest(TENANT, 2));
        assertEquals(List.of(env.get(2).id(), env.get(3).id()), latest.stream().map(CanonicalEvent::id).toList());
    }
}
