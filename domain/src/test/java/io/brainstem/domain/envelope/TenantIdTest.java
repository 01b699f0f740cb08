package io.brainstem.domain.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.shared.DomainViolation;
import org.junit.jupiter.api.Test;

class TenantIdTest {

    @Test
    void aTenantIsTrimmedTextOfAtMost128Characters() {
        assertEquals("client-a", TenantId.of("  client-a ").value());
        assertThrows(DomainViolation.class, () -> TenantId.of(" "));
        assertThrows(DomainViolation.class, () -> TenantId.of("x".repeat(129)));
    }

    @Test
    void controlAndReorderingCharactersAreRefusedWithWhereTheyAre() {
        for (String bad : new String[] {"client\u0000a", "client\na", "client\ra", "client\u202Ea", "client\u2066a",
            "client\u007Fa"}) {
            DomainViolation e = assertThrows(DomainViolation.class, () -> TenantId.of(bad), bad);
            assertTrue(e.getMessage().contains("at 6"), e.getMessage());
        }
        assertEquals("kundé-ü", TenantId.of("kundé-ü").value(), "letters beyond ASCII are fine");
    }
}
