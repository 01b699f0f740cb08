package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.TENANT;
import static io.brainstem.application.port.out.StorageFixtures.signature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.Signature;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link SignatureRepository} must do. */
public abstract class SignatureRepositoryContract {

    protected abstract Storage storage();

    private static void assertSame(Signature expected, Signature actual) {
        assertEquals(expected.id(), actual.id());
        assertEquals(expected.tenantId(), actual.tenantId());
        assertEquals(expected.template(), actual.template());
        assertEquals(expected.example(), actual.example());
        assertEquals(expected.occurrenceCount(), actual.occurrenceCount());
        assertEquals(expected.firstSeen(), actual.firstSeen());
        assertEquals(expected.lastSeen(), actual.lastSeen());
        assertEquals(expected.hosts(), actual.hosts());
        assertEquals(expected.distinctHostCount(), actual.distinctHostCount());
        assertEquals(expected.service(), actual.service());
        assertEquals(expected.eventFamily(), actual.eventFamily());
    }

    @Test
    void savedSignatureComesBackAndUpdatesInPlace() {
        Storage s = storage();
        Signature sig = signature(TENANT, "VPN tunnel <*> for peer <*>", T0);
        s.unitOfWork().write(() -> {
            s.signatures().saveAll(List.of(sig));
            return null;
        });
        assertSame(sig, s.unitOfWork().read(() -> s.signatures().findById(TENANT, sig.id())).orElseThrow());

        sig.recordOccurrence("VPN tunnel <*> for peer <*>", T0.plusSeconds(600), "fw-03", "charon");
        s.unitOfWork().write(() -> {
            s.signatures().saveAll(List.of(sig));
            return null;
        });
        Signature back = s.unitOfWork().read(() -> s.signatures().findById(TENANT, sig.id())).orElseThrow();
        assertSame(sig, back);
        assertEquals(4, back.occurrenceCount());
    }

    @Test
    void findByTenantIsScopedAndNewestFirst() {
        Storage s = storage();
        Signature older = signature(TENANT, "a <*>", T0);
        Signature newer = signature(TENANT, "b <*>", T0.plusSeconds(3600));
        Signature foreign = signature(TenantId.of("other"), "c <*>", T0);
        s.unitOfWork().write(() -> {
            s.signatures().saveAll(List.of(older, newer, foreign));
            return null;
        });
        List<Signature> found = s.unitOfWork().read(() -> s.signatures().findByTenant(TENANT, 10));
        assertEquals(List.of(newer.id(), older.id()), found.stream().map(Signature::id).toList());
        assertTrue(s.unitOfWork().read(() -> s.signatures().findById(TENANT, foreign.id())).isEmpty());
    }
}
