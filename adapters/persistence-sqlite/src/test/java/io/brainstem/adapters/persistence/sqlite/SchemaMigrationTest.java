package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.JsonColumns;
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
        assertEquals(latestVersion(), scalar(db, "SELECT MAX(CAST(version AS INTEGER)) FROM schema_version"));
        assertEquals(16, scalar(db, "SELECT v FROM events_fts_config WHERE k = 'automerge'"), "V8");
        assertEquals(scalar(db, "SELECT COUNT(*) FROM events"), scalar(db, "SELECT SUM(events) FROM event_tallies"),
                "V10 counted the rows stored");
        assertEquals(2, scalar(db, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('alert_histories',"
                + " 'alert_sync_cursors')"), "V9");
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM events_fts_parts WHERE name = 'events_fts' AND first_id = 0"
                + " AND kind = 'contentless_delete' AND min_ts IS NULL"), "V11: the V7 index is the first partition");
        assertEquals(0, scalar(db, "SELECT id FROM events_id_floor"), "V11");
        assertEquals("old-host", textScalar(db, "SELECT host FROM raw_envelopes WHERE id = 7"));
        assertEquals("{\"via\":\"relay\"}", textScalar(db, "SELECT metadata FROM raw_envelopes WHERE id = 7"));
    }

    @Test
    void versionFourRowsKeepTheirValuesInCompactColumns() throws Exception {
        Path db = dir.resolve("v4.sqlite3");
        Flyway.configure().dataSource("jdbc:sqlite:" + db, null, null).locations("classpath:db/migration/sqlite")
                .table("schema_version").target("4").load().migrate();
        String parsed = "{\"host\":\"parsed\",\"timestamp\":\"parsed\"}";
        String[][] rows = { // id, message_raw, message, timestamp, field_sources
            {"1", "<30>Mar 22 03:00:00 fw-1 charon: VPN tunnel \uD83D\uDE00 dropped", "VPN tunnel \uD83D\uDE00 dropped",
                "2026-03-22T03:00:00.123456Z", parsed},
            {"2", "raw line", "another message", "1969-12-31T23:59:59.999999Z", "{\"host\":\"client\"}"},
            {"3", "same", "same", "2026-03-22T03:00:01.000000Z", parsed},
        };
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var ps = c.prepareStatement("INSERT INTO events (id, tenant_id, source_type, message_raw,"
                        + " received_at, status, attempts, last_attempt_at, timestamp, host, service, severity,"
                        + " message, event_family, signature_id, structured_fields, field_sources,"
                        + " event_parser_name, event_parser_version, created_at) VALUES (?, 't', 'syslog', ?,"
                        + " '2026-03-22T03:00:02.500000Z', 'canonicalized', 1, '2026-03-22T03:00:02.500001Z', ?,"
                        + " 'fw-1', 'charon', 'warning', ?, 'vpn', 'sig_1', '{}', ?, 'rfc3164', '1.0.0',"
                        + " '2026-03-22T03:00:02.500002Z')")) {
            for (String[] r : rows) {
                ps.setLong(1, Long.parseLong(r[0]));
                ps.setString(2, r[1]);
                ps.setString(3, r[3]);
                ps.setString(4, r[2]);
                ps.setString(5, r[4]);
                ps.executeUpdate();
            }
            c.createStatement().executeUpdate("INSERT INTO events (id, tenant_id, message_raw, received_at, status)"
                    + " VALUES (4, 't', 'not yet parsed', '2026-03-22T03:00:03.000000Z', 'received')");
        }

        try (SqliteStorage storage = new SqliteStorage(db)) {
            for (String[] r : rows) {
                var id = new io.brainstem.domain.envelope.RawEnvelopeId(Long.parseLong(r[0]));
                var event = storage.unitOfWork().read(() -> storage.canonicalEvents().findById(id)).orElseThrow();
                assertEquals(r[2], event.message());
                assertEquals(java.time.Instant.parse(r[3]), event.timestamp());
                assertEquals(java.time.Instant.parse("2026-03-22T03:00:02.500002Z"), event.createdAt());
                assertEquals(JsonColumns.strings(r[4]), event.fieldSources());
                var envelope = storage.unitOfWork().read(() -> storage.rawEnvelopes().findById(id)).orElseThrow();
                assertEquals(java.time.Instant.parse("2026-03-22T03:00:02.500000Z"), envelope.receivedAt());
                assertEquals(java.time.Instant.parse("2026-03-22T03:00:02.500001Z"), envelope.lastAttemptAt().orElseThrow());
                assertEquals(r[1], envelope.content().messageRaw());
                // the view shows what V4 stored
                assertEquals(r[2], textScalar(db, "SELECT message FROM canonical_events WHERE id = " + r[0]));
                assertEquals(r[3], textScalar(db, "SELECT timestamp FROM canonical_events WHERE id = " + r[0]));
                assertEquals(r[4], textScalar(db, "SELECT field_sources FROM canonical_events WHERE id = " + r[0]));
            }
            assertEquals(4, storage.unitOfWork().read(() -> storage.rawEnvelopes().findAfter(0, List.of(), null, 9))
                    .size());
            assertEquals(4L, storage.unitOfWork().read(() -> storage.inspection().envelopeCountsByStatus().values()
                    .stream().mapToLong(Long::longValue).sum()), "V10 counted the rows stored");
        }
        assertEquals("integer", textScalar(db, "SELECT typeof(message) FROM events WHERE id = 1"));
        assertEquals("text", textScalar(db, "SELECT typeof(message) FROM events WHERE id = 2"));
        assertEquals("integer", textScalar(db, "SELECT typeof(message) FROM events WHERE id = 3"));
        assertEquals(0, scalar(db, "SELECT message FROM events WHERE id = 3"));
        assertEquals(2, scalar(db, "SELECT COUNT(*) FROM field_source_sets"));
        assertEquals("2026-03-22T03:00:03.000000Z", textScalar(db, "SELECT received_at FROM raw_envelopes WHERE id = 4"));
        assertEquals(null, textScalar(db, "SELECT last_attempt_at FROM raw_envelopes WHERE id = 4"));
    }

    @Test
    void versionFiveSignaturesStayLiveAndCanBeMergedAfterVersionSix() throws Exception {
        Path db = dir.resolve("v5.sqlite3");
        Flyway.configure().dataSource("jdbc:sqlite:" + db, null, null).locations("classpath:db/migration/sqlite")
                .table("schema_version").target("5").load().migrate();
        for (String id : List.of("sig_old", "sig_new")) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                c.createStatement().executeUpdate("INSERT INTO signatures (id, tenant_id, template, example,"
                        + " occurrence_count, first_seen, last_seen, hosts, distinct_host_count, service, event_family)"
                        + " VALUES ('" + id + "', 't', 'login failed for <*>', 'login failed for bob', 2,"
                        + " '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z', '[]', 0, NULL, 'auth')");
            }
        }
        assertEquals(0, scalar(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'signature_aliases'"));
        io.brainstem.domain.envelope.TenantId t = io.brainstem.domain.envelope.TenantId.of("t");
        io.brainstem.domain.signature.SignatureId oldId = new io.brainstem.domain.signature.SignatureId("sig_old");
        io.brainstem.domain.signature.SignatureId newId = new io.brainstem.domain.signature.SignatureId("sig_new");
        try (SqliteStorage storage = new SqliteStorage(db)) {
            assertEquals(2, storage.unitOfWork().read(() -> storage.signatures().findByTenant(t, 10)).size());
            storage.unitOfWork().write(() -> {
                storage.signatures().recordMerge(t, newId, oldId);
                return null;
            });
            assertEquals(oldId, storage.unitOfWork().read(() -> storage.signatures().findById(t, newId))
                    .orElseThrow().id());
        }
        assertEquals(latestVersion(), scalar(db, "SELECT MAX(CAST(version AS INTEGER)) FROM schema_version"));
        assertEquals(1, scalar(db, "SELECT COUNT(*) FROM signatures"));
        assertEquals("sig_old", textScalar(db, "SELECT survivor_id FROM signature_aliases WHERE alias_id = 'sig_new'"));
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

    /** The newest migration the build carries (V<n>__*.sql), so that adding one does not edit this test. */
    private static int latestVersion() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration/sqlite"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
