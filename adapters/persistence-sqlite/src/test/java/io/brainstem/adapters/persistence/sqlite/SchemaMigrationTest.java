package io.brainstem.adapters.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.out.StorageFixtures;
import io.brainstem.domain.envelope.RawEnvelope;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema is created at start-up, upgraded in place, and opening again changes nothing. */
class SchemaMigrationTest {

    @TempDir
    Path dir;

    private static long scalar(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    @Test
    void versionOneDatabaseUpgradesInPlaceKeepingItsData() throws Exception {
        Path db = dir.resolve("old.sqlite3");
        Flyway.configure().dataSource("jdbc:sqlite:" + db, null, null).locations("classpath:db/migration/sqlite")
                .table("schema_version").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().executeUpdate("INSERT INTO raw_envelopes (id, tenant_id, host, metadata, received_at,"
                    + " status) VALUES (7, 'old-tenant', 'old-host', '{\"via\":\"relay\"}',"
                    + " '2026-01-01T00:00:00.000000Z', 'received')");
        }
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'intake_cursors'"));

        try (SqliteStorage storage = new SqliteStorage(db)) {
            RawEnvelope kept = storage.unitOfWork().read(() ->
                    storage.rawEnvelopes().findById(new io.brainstem.domain.envelope.RawEnvelopeId(7))).orElseThrow();
            assertEquals("old-tenant", kept.tenantId().value());
            assertEquals("old-host", kept.content().host());
            assertEquals(java.util.Map.of("via", "relay"), kept.content().metadata());
            storage.unitOfWork().write(() -> {
                storage.intakeCursors().save("k", 1);
                return null;
            });
        }
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'intake_cursors'"));
        assertEquals(4, scalar(db, "SELECT MAX(CAST(version AS INTEGER)) FROM schema_version"));
        assertEquals("old-host", textScalar(db, "SELECT host FROM raw_envelopes WHERE id = 7"));
        assertEquals("{\"via\":\"relay\"}", textScalar(db, "SELECT metadata FROM raw_envelopes WHERE id = 7"));
    }

    @Test
    void openingTwiceIsIdempotent() throws Exception {
        Path db = dir.resolve("twice.sqlite3");
        try (SqliteStorage first = new SqliteStorage(db)) {
            first.unitOfWork().write(() -> first.rawEnvelopes().receiveAll(
                    List.of(StorageFixtures.content("hello")), StorageFixtures.T0));
        }
        long migrations = scalar(db, "SELECT COUNT(*) FROM schema_version");
        try (SqliteStorage second = new SqliteStorage(db)) {
            assertTrue(second.unitOfWork().read(() -> second.rawEnvelopes().findAfter(0, List.of(), null, 5))
                    .size() == 1);
        }
        assertEquals(migrations, scalar(db, "SELECT COUNT(*) FROM schema_version"));
        assertEquals("wal", textScalar(db, "PRAGMA journal_mode"));
    }

    private static String textScalar(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
