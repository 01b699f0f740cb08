package io.brainstem.adapters.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand;
import io.brainstem.application.port.out.StorageException;
import io.brainstem.application.service.IngestService;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.MinerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brainstem backup}: a checked, consistent copy of a store that is being written meanwhile. */
class SqliteBackupTest {

    private static final TenantId TENANT = TenantId.of("backup");

    @TempDir
    Path dir;

    private static List<EnvelopeContent> batch(long from, int n) {
        List<EnvelopeContent> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(EnvelopeContent.builder(TENANT).sourceType("syslog").host("fw-0" + (i % 3))
                    .messageRaw("IPsec SA with peer 203.0.113." + (from + i) % 250 + " established").build());
        }
        return batch;
    }

    @Test
    void aBackupTakenWhileIngestRunsIsWholeCheckedAndHoldsAtLeastWhatWasCommittedBefore() throws Exception {
        Path db = dir.resolve("brainstem.sqlite3");
        try (SqliteStorageCatalog catalog = new SqliteStorageCatalog(dir, db)) {
            IngestService ingest = new IngestService(catalog, new Canonicalizer(), MinerSettings.DEFAULTS,
                    Clock.systemUTC());
            AtomicLong committed = new AtomicLong();
            for (int b = 0; b < 20; b++) {
                ingest.ingest(new IngestCommand(DatabaseRef.DEFAULT, batch(committed.get(), 500),
                        IngestEventsUseCase.DEFAULT_THRESHOLD));
                committed.addAndGet(500);
            }
            long before = committed.get();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (!stop.get()) {
                    ingest.ingest(new IngestCommand(DatabaseRef.DEFAULT, batch(committed.get(), 200),
                            IngestEventsUseCase.DEFAULT_THRESHOLD));
                    committed.addAndGet(200);
                }
            });
            Path dest = dir.resolve("copy.sqlite3");
            SqliteBackup.Result result;
            try {
                result = SqliteBackup.backup(db, dest);
            } finally {
                stop.set(true);
                writer.get();
            }

            assertTrue(result.envelopes() >= before, result + " holds everything committed before it began");
            assertTrue(result.envelopes() <= committed.get(), result.toString());
            assertEquals(0, result.envelopes() % 100, "whole batches only: " + result.envelopes());
            assertTrue(result.signatures() >= 1, result.toString());
            assertEquals(Files.size(dest), result.bytes());
            assertFalse(Files.exists(dir.resolve("copy.sqlite3.partial")), "the partial copy became the backup");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dest);
                    Statement s = c.createStatement()) {
                ResultSet check = s.executeQuery("PRAGMA integrity_check");
                check.next();
                assertEquals("ok", check.getString(1));
                ResultSet count = s.executeQuery("SELECT count(*) FROM events");
                count.next();
                assertEquals(result.envelopes(), count.getLong(1));
            }
            // the copy is a store brainstem opens like any other
            try (SqliteStorageCatalog copy = new SqliteStorageCatalog(dir, dest)) {
                var storage = copy.open(DatabaseRef.DEFAULT);
                assertEquals(result.signatures(), storage.unitOfWork()
                        .read(() -> storage.signatures().findByTenant(TENANT, 10_000)).size());
            }
        }
    }

    @Test
    void anExistingFileIsNeverOverwrittenAndAMissingStoreIsSaidSo() throws Exception {
        Path db = dir.resolve("brainstem.sqlite3");
        try (SqliteStorageCatalog catalog = new SqliteStorageCatalog(dir, db)) {
            catalog.open(DatabaseRef.DEFAULT);
        }
        Path taken = Files.writeString(dir.resolve("taken.sqlite3"), "precious");

        StorageException exists = assertThrows(StorageException.class, () -> SqliteBackup.backup(db, taken));
        assertTrue(exists.getMessage().contains("exists already"), exists.getMessage());
        assertEquals("precious", Files.readString(taken));
        StorageException missing = assertThrows(StorageException.class,
                () -> SqliteBackup.backup(dir.resolve("nope.sqlite3"), dir.resolve("b.sqlite3")));
        assertTrue(missing.getMessage().startsWith("no database at"), missing.getMessage());
        StorageException noDir = assertThrows(StorageException.class,
                () -> SqliteBackup.backup(db, dir.resolve("no/such/dir/b.sqlite3")));
        assertTrue(noDir.getMessage().contains("does not exist"), noDir.getMessage());
    }
}
