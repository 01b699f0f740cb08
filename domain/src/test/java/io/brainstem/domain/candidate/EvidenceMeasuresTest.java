package io.brainstem.domain.candidate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.shared.DomainViolation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceMeasuresTest {

    private static final Instant T = Instant.parse("2026-03-15T03:00:00Z");

    @Test
    void theSixArgumentConstructorStillWorksWithoutMeasures() {
        Evidence e = new Evidence(2, List.of("sig_1"), List.of("fw-01"), T, T, List.of(1L, 2L));
        assertTrue(e.measures().isEmpty());
    }

    @Test
    void measuresKeepTheirOrderAndCannotBeChangedAfterwards() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("episodes", 12.0);
        m.put("recovery_seconds_max", 40.0);
        Evidence e = new Evidence(24, List.of("sig_1"), List.of("fw-01"), T, T, List.of(1L), m);
        m.put("later", 1.0);
        assertEquals(List.of("episodes", "recovery_seconds_max"), List.copyOf(e.measures().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> e.measures().put("x", 1.0));
    }

    @Test
    void measuresMustBeFiniteNumbers() {
        assertThrows(DomainViolation.class, () -> new Evidence(1, List.of(), List.of(), T, T, List.of(),
                Map.of("ratio", Double.NaN)));
    }
}
