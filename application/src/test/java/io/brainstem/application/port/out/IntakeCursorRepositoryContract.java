package io.brainstem.application.port.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link IntakeCursorRepository} must do. */
public abstract class IntakeCursorRepositoryContract {

    protected abstract Storage storage();

    @Test
    void unknownKeyHasNoPositionAndSavedOnesAreReplaced() {
        Storage s = storage();
        assertTrue(s.unitOfWork().read(() -> s.intakeCursors().position("/var/log/x:42")).isEmpty());
        s.unitOfWork().write(() -> {
            s.intakeCursors().save("/var/log/x:42", 100);
            s.intakeCursors().save("/var/log/x:42", 250);
            return null;
        });
        assertEquals(Optional.of(250L), s.unitOfWork().read(() -> s.intakeCursors().position("/var/log/x:42")));
    }
}
