package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.TENANT;
import static io.brainstem.application.port.out.StorageFixtures.signature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
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

    private static void write(Storage s, Runnable work) {
        s.unitOfWork().write(() -> {
            work.run();
            return null;
        });
    }

    /** Absorbs {@code absorbed} into {@code survivor} and records the alias, as the ingest pipeline does. */
    private static void merge(Storage s, Signature survivor, Signature absorbed) {
        write(s, () -> {
            survivor.absorb(absorbed);
            s.signatures().recordMerge(TENANT, absorbed.id(), survivor.id());
            s.signatures().saveAll(List.of(survivor));
        });
    }

    @Test
    void mergedIdResolvesToTheSurvivorAndIsNoLongerListed() {
        Storage s = storage();
        Signature survivor = signature(TENANT, "login failed for <*>", T0);
        Signature absorbed = signature(TENANT, "login failed for bob", T0.plusSeconds(5));
        write(s, () -> s.signatures().saveAll(List.of(survivor, absorbed)));

        merge(s, survivor, absorbed);

        Signature byOldId = s.unitOfWork().read(() -> s.signatures().findById(TENANT, absorbed.id())).orElseThrow();
        assertEquals(survivor.id(), byOldId.id());
        assertEquals(6, byOldId.occurrenceCount());
        assertEquals(survivor.id(), s.unitOfWork().read(() -> s.signatures().resolve(TENANT, absorbed.id())));
        assertEquals(survivor.id(), s.unitOfWork().read(() -> s.signatures().resolve(TENANT, survivor.id())));
        assertEquals(List.of(survivor.id()), s.unitOfWork().read(() -> s.signatures().findByTenant(TENANT, 10))
                .stream().map(Signature::id).toList());
        assertEquals(List.of(absorbed.id()), s.unitOfWork().read(() -> s.signatures().aliasesOf(TENANT,
                survivor.id())));
    }

    @Test
    void chainsResolveToTheLastSurvivorAndRepeatedMergesChangeNothing() {
        Storage s = storage();
        Signature a = signature(TENANT, "a 1", T0);
        Signature b = signature(TENANT, "a <*>", T0);
        Signature c = signature(TENANT, "<*> <*>", T0);
        write(s, () -> s.signatures().saveAll(List.of(a, b, c)));
        merge(s, b, a);
        merge(s, c, b);
        write(s, () -> s.signatures().recordMerge(TENANT, a.id(), c.id()));
        write(s, () -> s.signatures().recordMerge(TENANT, a.id(), b.id()));

        for (SignatureId old : List.of(a.id(), b.id(), c.id())) {
            assertEquals(c.id(), s.unitOfWork().read(() -> s.signatures().resolve(TENANT, old)));
            assertEquals(9, s.unitOfWork().read(() -> s.signatures().findById(TENANT, old)).orElseThrow()
                    .occurrenceCount());
        }
        assertEquals(List.of(a.id(), b.id()).stream().sorted(java.util.Comparator.comparing(SignatureId::value))
                .toList(), s.unitOfWork().read(() -> s.signatures().aliasesOf(TENANT, c.id())));
        assertEquals(List.of(), s.unitOfWork().read(() -> s.signatures().aliasesOf(TENANT, b.id())));
        assertThrows(IllegalArgumentException.class, () -> write(s, () -> s.signatures().recordMerge(TENANT, c.id(),
                c.id())));
    }

    @Test
    void aliasesAreScopedToTheirTenant() {
        Storage s = storage();
        Signature survivor = signature(TENANT, "x <*>", T0);
        Signature absorbed = signature(TENANT, "x 1", T0);
        write(s, () -> s.signatures().saveAll(List.of(survivor, absorbed)));
        merge(s, survivor, absorbed);
        TenantId other = TenantId.of("other");
        assertEquals(absorbed.id(), s.unitOfWork().read(() -> s.signatures().resolve(other, absorbed.id())));
        assertTrue(s.unitOfWork().read(() -> s.signatures().findById(other, absorbed.id())).isEmpty());
    }

    @Test
    void mergeRolledBackWithItsTransactionLeavesBothSignatures() {
        Storage s = storage();
        Signature survivor = signature(TENANT, "y <*>", T0);
        Signature absorbed = signature(TENANT, "y 1", T0);
        write(s, () -> s.signatures().saveAll(List.of(survivor, absorbed)));
        assertThrows(IllegalStateException.class, () -> write(s, () -> {
            s.signatures().recordMerge(TENANT, absorbed.id(), survivor.id());
            throw new IllegalStateException("fail");
        }));
        assertEquals(absorbed.id(), s.unitOfWork().read(() -> s.signatures().resolve(TENANT, absorbed.id())));
        assertEquals(2, s.unitOfWork().read(() -> s.signatures().findByTenant(TENANT, 10)).size());
    }
}
