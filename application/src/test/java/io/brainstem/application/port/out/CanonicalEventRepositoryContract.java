package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.TENANT;
import static io.brainstem.application.port.out.StorageFixtures.content;
import static io.brainstem.application.port.out.StorageFixtures.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void latestReturnsNewestOfTenantOldestFirst() {
        Storage s = storage();
        List<RawEnvelope> env = envelopes(s, 4);
        SignatureId sig = SignatureId.derive("t", "x");
        TenantId other = TenantId.of("other");
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
