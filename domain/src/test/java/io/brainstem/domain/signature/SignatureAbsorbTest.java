package io.brainstem.domain.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.shared.DomainViolation;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SignatureAbsorbTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final Instant T0 = Instant.parse("2026-03-22T03:00:00Z");

    private static Signature sig(String id, String template, long count, Instant first, Instant last,
            Set<String> hosts, long distinct, String service) {
        return Signature.restore(new SignatureId(id), TENANT, template, template.replace("<*>", "x"), count, first,
                last, hosts, distinct, service, EventFamily.AUTH);
    }

    @Test
    void absorbingAddsCountsWidensTimesAndUnitesHosts() {
        Signature survivor = sig("sig_a", "login failed for <*>", 3, T0.plusSeconds(60), T0.plusSeconds(120),
                Set.of("fw-01", "fw-02"), 2, "sshd");
        Signature absorbed = sig("sig_b", "login failed for bob", 2, T0, T0.plusSeconds(90),
                Set.of("fw-02", "fw-03"), 2, "sshd");

        survivor.absorb(absorbed);

        assertEquals(5, survivor.occurrenceCount());
        assertEquals(T0, survivor.firstSeen());
        assertEquals(T0.plusSeconds(120), survivor.lastSeen());
        assertEquals(Set.of("fw-01", "fw-02", "fw-03"), survivor.hosts());
        assertEquals(3, survivor.distinctHostCount());
        assertEquals("login failed for <*>", survivor.template());
        assertEquals(new SignatureId("sig_a"), survivor.id());
    }

    @Test
    void absorbingKeepsTheHostBoundAndKeepsCountingHosts() {
        Set<String> many = new LinkedHashSet<>();
        IntStream.range(0, Signature.MAX_TRACKED_HOSTS).forEach(i -> many.add("h" + i));
        Signature survivor = sig("sig_a", "a <*>", 1, T0, T0, many, many.size(), null);
        Signature absorbed = sig("sig_b", "a b", 1, T0, T0, Set.of("other-1", "other-2"), 2, "sshd");

        survivor.absorb(absorbed);

        assertEquals(Signature.MAX_TRACKED_HOSTS, survivor.hosts().size());
        assertEquals(Signature.MAX_TRACKED_HOSTS + 2, survivor.distinctHostCount());
        assertEquals("sshd", survivor.service());
    }

    @Test
    void onlySignaturesOfTheSameTenantAndNotItselfCanBeAbsorbed() {
        Signature survivor = sig("sig_a", "a <*>", 1, T0, T0, Set.of(), 0, null);
        Signature foreign = Signature.restore(new SignatureId("sig_b"), TenantId.of("beta"), "a b", "a b", 1, T0,
                T0, Set.of(), 0, null, EventFamily.GENERIC);
        assertThrows(DomainViolation.class, () -> survivor.absorb(foreign));
        assertThrows(DomainViolation.class, () -> survivor.absorb(survivor));
        assertEquals(1, survivor.occurrenceCount(), List.of(survivor.hosts()).toString());
    }
}
