package io.brainstem.adapters.persistence.sqlite;

import static io.brainstem.application.port.out.StorageFixtures.PARSER;
import static io.brainstem.application.port.out.StorageFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.InspectionQueries.EnvelopeFilter;
import io.brainstem.application.port.in.InspectionQueries.EventFilter;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.SignatureId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filtered listings read only the blocks whose summary holds the filter (ADR 12): they must return exactly
 * what a scan of every row would, across many blocks, for rare, common and absent values, after a replay
 * changes an old event, and on a file upgraded from the two-table schema.
 */
class EventBlocksTest {

    private static final int EVENTS = 5 * EventBlocks.BLOCK_SIZE + 123;

    @TempDir
    Path dir;

    private record Shape(String tenant, String sourceId, String host, String service, Severity severity,
            String signature) {
    }

    /** Deterministic variety: common hosts everywhere, a rare host in two old blocks only, two tenants. */
    private static Shape shape(int i) {
        String host = i == 40 || i == 2 * EventBlocks.BLOCK_SIZE + 7 ? "rare-host" : "fw-" + (i % 37);
        return new Shape(i % 11 == 0 ? "tenant-b" : "tenant-a", "src-" + (i % 3), host, i % 5 == 0 ? "sshd" : "charon",
                i % 7 == 0 ? Severity.ERR : Severity.INFO, "sig-" + (i % 13));
    }

    private static EnvelopeContent content(Shape s, int i) {
        return EnvelopeContent.builder(TenantId.of(s.tenant())).sourceType("syslog").sourceId(s.sourceId())
                .sourcePath("udp://10.0.0.1:514").messageRaw("message " + i).build();
    }

    private static CanonicalEvent event(RawEnvelope e, Shape s) {
        return new CanonicalEvent(e.id(), e.tenantId(), "syslog", s.sourceId(), "udp://10.0.0.1:514", T0, s.host(),
                s.service(), s.severity(), null, "message", EventFamily.GENERIC, new SignatureId(s.signature()),
                Map.of(), Map.of(), PARSER, T0);
    }

    /** Stores EVENTS envelopes in batches, one transaction each; returns the shapes by id. */
    private static List<Shape> fill(SqliteStorage storage) {
        List<Shape> byIndex = new ArrayList<>();
        for (int from = 0; from < EVENTS; from += 700) {
            int to = Math.min(EVENTS, from + 700);
            int first = from;
            storage.unitOfWork().write(() -> {
                List<EnvelopeContent> contents = new ArrayList<>();
                List<Shape> shapes = new ArrayList<>();
                for (int i = first; i < to; i++) {
                    shapes.add(shape(i));
                    contents.add(content(shapes.getLast(), i));
                }
                List<RawEnvelope> stored = storage.rawEnvelopes().receiveAll(contents, T0);
                List<CanonicalEvent> events = new ArrayList<>();
                for (int k = 0; k < stored.size(); k++) {
                    if ((first + k) % 17 == 3) {
                        stored.get(k).markParseFailed("no parser for this", PARSER, T0);
                        continue;
                    }
                    stored.get(k).markCanonicalized(PARSER, T0);
                    events.add(event(stored.get(k), shapes.get(k)));
                }
                storage.rawEnvelopes().saveOutcomes(stored);
                storage.canonicalEvents().saveAll(events);
                return null;
            });
            for (int i = from; i < to; i++) {
                byIndex.add(shape(i));
            }
        }
        return byIndex;
    }

    /** Ids, newest first, of canonicalized events whose shape passes {@code p}, at most {@code limit}. */
    private static List<Long> expected(List<Shape> shapes, Predicate<Shape> p, int limit) {
        List<Long> ids = new ArrayList<>();
        for (int i = shapes.size() - 1; i >= 0 && ids.size() < limit; i--) {
            if (i % 17 != 3 && p.test(shapes.get(i))) {
                ids.add(i + 1L);
            }
        }
        return ids;
    }

    private static List<Long> events(SqliteStorage storage, EventFilter f, int limit) {
        return storage.unitOfWork().read(() -> storage.inspection().canonicalEvents(f, limit)).stream()
                .map(e -> e.id().value()).toList();
    }

    private static EventFilter filter(String tenant, String source, String host, String service, Severity severity,
            String signature) {
        return new EventFilter(Optional.ofNullable(tenant), Optional.ofNullable(source), Optional.ofNullable(host),
                Optional.ofNullable(service), Optional.ofNullable(severity), Optional.ofNullable(signature));
    }

    @Test
    void filteredListingsMatchAFullScanAcrossBlocks() {
        try (SqliteStorage storage = new SqliteStorage(dir.resolve("blocks.sqlite3"))) {
            List<Shape> shapes = fill(storage);
            assertEquals(List.of(2L * EventBlocks.BLOCK_SIZE + 8, 41L),
                    events(storage, filter(null, null, "rare-host", null, null, null), 50));
            assertEquals(List.of(), events(storage, filter(null, null, "no-such-host", null, null, null), 50));
            assertEquals(expected(shapes, s -> s.host().equals("fw-3"), 500),
                    events(storage, filter(null, null, "fw-3", null, null, null), 500));
            assertEquals(expected(shapes, s -> s.tenant().equals("tenant-b") && s.service().equals("sshd")
                    && s.severity() == Severity.ERR, 400),
                    events(storage, filter("tenant-b", null, null, "sshd", Severity.ERR, null), 400));
            assertEquals(expected(shapes, s -> s.sourceId().equals("src-1") && s.signature().equals("sig-4"), 1000),
                    events(storage, filter(null, "src-1", null, null, null, "sig-4"), 1000));
            assertEquals(expected(shapes, s -> true, 30), events(storage, EventFilter.NONE, 30));

            List<RawEnvelope> failed = storage.unitOfWork().read(() -> storage.inspection().rawEnvelopes(
                    new EnvelopeFilter(Set.of(EnvelopeStatus.PARSE_FAILED), Optional.of("tenant-b"), Optional.empty(),
                            Optional.empty(), Optional.empty()), 1000));
            assertFalse(failed.isEmpty());
            assertTrue(failed.stream().allMatch(e -> e.tenantId().value().equals("tenant-b")
                    && e.status() == EnvelopeStatus.PARSE_FAILED && (e.id().value() - 1) % 17 == 3));
            assertEquals(failed.size(), expectedFailed(shapes, "tenant-b"));
        }
    }

    private static long expectedFailed(List<Shape> shapes, String tenant) {
        long n = 0;
        for (int i = 0; i < shapes.size(); i++) {
            if (i % 17 == 3 && shapes.get(i).tenant().equals(tenant)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aReplayedEventIsFoundByItsNewValuesInItsOldBlock() {
        try (SqliteStorage storage = new SqliteStorage(dir.resolve("replay.sqlite3"))) {
            fill(storage);
            RawEnvelope old = storage.unitOfWork().read(() -> storage.rawEnvelopes().findById(new RawEnvelopeId(4)))
                    .orElseThrow(); // index 3: stored as parse_failed
            assertEquals(EnvelopeStatus.PARSE_FAILED, old.status());
            Shape replayed = new Shape(old.tenantId().value(), old.content().sourceId(), "replayed-host", "ntpd",
                    Severity.NOTICE, "sig-new");
            storage.unitOfWork().write(() -> {
                old.markCanonicalized(PARSER, T0);
                storage.rawEnvelopes().saveOutcomes(List.of(old));
                storage.canonicalEvents().saveAll(List.of(event(old, replayed)));
                return null;
            });
            assertEquals(List.of(4L), events(storage, filter(null, null, "replayed-host", "ntpd", null, "sig-new"), 10));
        }
    }

    @Test
    void summariesSurviveReopeningAndAreRebuiltForAnUpgradedFile() throws Exception {
        Path db = dir.resolve("upgraded.sqlite3");
        Flyway.configure().dataSource("jdbc:sqlite:" + db, null, null).locations("classpath:db/migration/sqlite")
                .table("schema_version").target("3").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            for (long id : new long[] {5, 3000}) {
                c.createStatement().executeUpdate("INSERT INTO raw_envelopes (id, tenant_id, source_type, received_at,"
                        + " status) VALUES (" + id + ", 'old', 'syslog', '2026-01-01T00:00:00.000000Z', 'canonicalized')");
                c.createStatement().executeUpdate("INSERT INTO canonical_events (id, tenant_id, source_type, timestamp,"
                        + " host, severity, message, event_family, signature_id, parser_name, parser_version, created_at)"
                        + " VALUES (" + id + ", 'old', 'syslog', '2026-01-01T00:00:00.000000Z', 'old-host-" + id
                        + "', 'info', 'm', 'generic', 's', 'p', '1', '2026-01-01T00:00:00.000000Z')");
            }
        }
        try (SqliteStorage storage = new SqliteStorage(db)) {
            assertEquals(List.of(3000L), events(storage, filter("old", null, "old-host-3000", null, null, null), 10));
            assertEquals(List.of(5L), events(storage, filter(null, "syslog", "old-host-5", null, null, null), 10));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT (SELECT COUNT(*) FROM event_blocks), (SELECT COUNT(*) FROM event_blocks_pending)")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getLong(1));
            assertEquals(0, rs.getLong(2));
        }
        try (SqliteStorage reopened = new SqliteStorage(db)) {
            assertEquals(List.of(3000L), events(reopened, filter(null, null, "old-host-3000", null, null, null), 10));
        }
    }

    @Test
    void keysRoundTripAndKeySetsGrowWithoutLosingKeys() {
        EventBlocks.KeySet set = new EventBlocks.KeySet();
        for (long k = 0; k < 1000; k++) {
            assertTrue(set.add(k * 7919));
        }
        assertFalse(set.add(0));
        long[] sorted = set.sorted();
        assertEquals(1000, sorted.length);
        assertArrayEquals(sorted, EventBlocks.decode(EventBlocks.encode(sorted)));
        EventBlocks.KeySet other = EventBlocks.KeySet.of(new long[] {7919, 42});
        assertTrue(set.addAll(other));
        assertFalse(set.addAll(other));
    }
}
