package io.brainstem.application.port.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.out.IdempotencyRepository.Item;
import io.brainstem.application.port.out.IdempotencyRepository.Outcome;
import io.brainstem.application.port.out.IdempotencyRepository.Receipt;
import io.brainstem.application.port.out.IdempotencyRepository.Remembered;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyRepository} must do (ADR 37). */
public abstract class IdempotencyRepositoryContract {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00.123456Z");

    protected abstract Storage storage();

    private static Remembered remembered(String key, String fingerprint, Instant at) {
        return new Remembered(key, fingerprint, at, new Receipt("t1", 3, 2, 1, 1, 0, 2, 1,
                List.of(new Outcome(11, "sig_a", List.of("cand_1")), new Outcome(12, "sig_b", List.of()),
                        new Outcome(13, null, List.of())),
                List.of(new Item("cand_1", "It recovered by itself 3 times", List.of("cand_2")))));
    }

    private static void write(Storage s, Runnable op) {
        s.unitOfWork().write(() -> {
            op.run();
            return null;
        });
    }

    @Test
    void aRememberedRequestIsFoundWithItsWholeReceipt() {
        Storage s = storage();
        assertTrue(s.unitOfWork().read(() -> s.idempotency().find("k-1")).isEmpty());
        Remembered r = remembered("k-1", "sha256:abc", AT);
        write(s, () -> s.idempotency().remember(r));

        assertEquals(r, s.unitOfWork().read(() -> s.idempotency().find("k-1")).orElseThrow());
    }

    @Test
    void theFirstRequestOfAKeyStays() {
        Storage s = storage();
        write(s, () -> s.idempotency().remember(remembered("k-2", "first", AT)));
        write(s, () -> s.idempotency().remember(remembered("k-2", "second", AT.plusSeconds(1))));

        assertEquals("first", s.unitOfWork().read(() -> s.idempotency().find("k-2")).orElseThrow().fingerprint());
    }

    @Test
    void aRequestRolledBackIsNotRemembered() {
        Storage s = storage();
        assertThrows(IllegalStateException.class, () -> s.unitOfWork().write(() -> {
            s.idempotency().remember(remembered("k-3", "f", AT));
            throw new IllegalStateException("the batch failed");
        }));

        assertTrue(s.unitOfWork().read(() -> s.idempotency().find("k-3")).isEmpty());
    }

    @Test
    void keysRecordedBeforeACutoffAreForgottenAndLaterOnesKept() {
        Storage s = storage();
        write(s, () -> Arrays.asList("old-1", "old-2").forEach(k -> s.idempotency().remember(
                remembered(k, "f", AT.minusSeconds(86_401)))));
        write(s, () -> s.idempotency().remember(remembered("new", "f", AT)));
        write(s, () -> s.idempotency().forgetBefore(AT.minusSeconds(86_400)));

        assertTrue(s.unitOfWork().read(() -> s.idempotency().find("old-1")).isEmpty());
        assertTrue(s.unitOfWork().read(() -> s.idempotency().find("old-2")).isEmpty());
        assertTrue(s.unitOfWork().read(() -> s.idempotency().find("new")).isPresent());
    }
}
