package io.brainstem.adapters.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.InvalidRequestException;
import io.brainstem.application.port.out.CommitTelemetry;
import io.brainstem.application.port.out.Storage;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Databases named by db_path are closed when idle to make room, instead of refusing every new name (issue 16). */
class IdleDatabaseCloseTest {

    @TempDir
    Path dir;

    private static void store(Storage s, String message) {
        s.unitOfWork().write(() -> s.rawEnvelopes().receiveAll(List.of(EnvelopeContent.builder(TenantId.DEFAULT)
                .sourceType("syslog").messageRaw(message).build()), Instant.now()));
    }

    private static int envelopes(Storage s) {
        return s.unitOfWork().read(() -> s.rawEnvelopes().findAfter(0, Set.of(), null, 100)).size();
    }

    @Test
    void theLeastRecentlyUsedIdleDatabaseIsClosedForANewOneAndReopensWithItsData() {
        List<Storage> closed = new ArrayList<>();
        try (SqliteStorageCatalog catalog = new SqliteStorageCatalog(dir, dir.resolve("brainstem.sqlite3"),
                CommitTelemetry.NONE, 3, Duration.ZERO)) {
            catalog.onClose(closed::add);
            Storage main = catalog.open(DatabaseRef.DEFAULT);
            Storage a = catalog.open(DatabaseRef.of("a.sqlite3"));
            store(a, "kept in a");
            Storage b = catalog.open(DatabaseRef.of("b.sqlite3"));
            store(b, "kept in b");
            store(main, "main");

            Storage c = catalog.open(DatabaseRef.of("c.sqlite3")); // the fourth: a, used longest ago, goes

            assertEquals(List.of(a), closed, "the least recently used named database was closed");
            assertSame(b, catalog.open(DatabaseRef.of("b.sqlite3")), "the others stay open");
            assertSame(main, catalog.open(DatabaseRef.DEFAULT));
            store(c, "c");
            Storage again = catalog.open(DatabaseRef.of("a.sqlite3"));
            assertNotSame(a, again, "a new instance");
            assertEquals(1, envelopes(again), "with what was committed before it closed");
            assertTrue(closed.contains(b) || closed.contains(c), "and to reopen it another idle one went");
            assertEquals(3, catalog.openDatabases().size(), "never more than the limit: " + catalog.openDatabases());
        }
    }

    @Test
    void databasesUsedWithinTheIdlePeriodAreNeverClosedAndTheRefusalSaysToRetry() {
        try (SqliteStorageCatalog catalog = new SqliteStorageCatalog(dir, dir.resolve("brainstem.sqlite3"),
                CommitTelemetry.NONE, 2, Duration.ofHours(1))) {
            catalog.open(DatabaseRef.DEFAULT);
            Storage a = catalog.open(DatabaseRef.of("a.sqlite3"));

            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> catalog.open(DatabaseRef.of("b.sqlite3")));
            assertEquals("too_many_databases", e.code());
            assertTrue(e.getMessage().contains("retry later"), e.getMessage());
            assertSame(a, catalog.open(DatabaseRef.of("a.sqlite3")), "still open");
        }
    }
}
