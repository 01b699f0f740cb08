package io.brainstem.domain.candidate.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.event.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StateHistoryTest {

    private static final Instant T = Instant.parse("2026-03-15T03:00:00Z");

    private static void add(StateHistory h, int second, Polarity p) {
        h.add(new StateHistory.Entry(T.plusSeconds(second),
                p, new EventRef(second + 1, T.plusSeconds(second), "h", "sig_1", Severity.INFO)));
    }

    private static StateHistory of(String states) {
        StateHistory h = new StateHistory();
        for (int i = 0; i < states.length(); i++) {
            add(h, i, states.charAt(i) == 'D' ? Polarity.FAILURE : Polarity.RECOVERY);
        }
        return h;
    }

    @Test
    void twentyOneAlternatingStatesAreAHundredPercent() {
        assertEquals(100.0, of("DUDUDUDUDUDUDUDUDUDUD").percentStateChange(), 1e-9);
    }

    @Test
    void steadyStatesAreZero() {
        assertEquals(0.0, of("UUUUUUUUUUUUUUUUUUUUU").percentStateChange(), 1e-9);
    }

    @Test
    void theNewestChangeWeighsOnePointTwoAndTheOldestZeroPointEight() {
        assertEquals(1.2 * 100 / 20, of("UUUUUUUUUUUUUUUUUUUUD").percentStateChange(), 1e-9);
        assertEquals(0.8 * 100 / 20, of("DUUUUUUUUUUUUUUUUUUUU").percentStateChange(), 1e-9);
    }

    @Test
    void keepsOnlyTheLastTwentyOneStates() {
        StateHistory h = of("DUDUDUDUDUDUDUDUDUDUDUUUU");
        assertEquals(21, h.size());
        assertEquals(17, h.changes(), "18 alternating states, then three steady ones");
    }

    @Test
    void tenAlternatingStatesExceedFiftyPercentButNineDoNot() {
        assertTrue(of("DUDUDUDUDU").percentStateChange() > 50);
        assertTrue(of("DUDUDUDUD").percentStateChange() < 50);
    }

    @Test
    void forgetsStatesOlderThanTheLookBack() {
        StateHistory h = of("DUDUDU");
        h.forgetBefore(T.plusSeconds(3));
        assertEquals(3, h.size());
    }
}
