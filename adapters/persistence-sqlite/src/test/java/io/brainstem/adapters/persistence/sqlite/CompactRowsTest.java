package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.SqlTimes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.out.StorageFixtures;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.SignatureId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema V5 (ADR 14): times as microseconds, the message as an offset into the raw message when it is its
 * tail, field sources as the id of a shared JSON object. Whatever the row holds, the event comes back exactly,
 * through the repositories and through the views people read in the sqlite3 shell.
 */
class CompactRowsTest {

    private static final SignatureId SIGNATURE = SignatureId.derive("demo-tenant", "VPN tunnel <*>");

    @TempDir
    Path dir;

    private static CanonicalEvent event(RawEnvelope envelope, String message, Instant at, Map<String, String> sources) {
        return new CanonicalEvent(envelope.id(), envelope.tenantId(), "syslog", "fw-01", "/var/log/syslog", at,
                "fw-01", "charon", Severity.WARNING, "daemon", message, EventFamily.VPN, SIGNATURE,
                Map.of("peer", "203.0.113.10"), sources, StorageFixtures.PARSER, at);
    }

    private static List<List<String>> rows(Path db, String sql) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    /** raw, message, how the row stores the message. */
    private static final String[][] MESSAGES = {
        {"<30>Mar 22 03:00:00 fw-1 charon: VPN tunnel dropped", "VPN tunnel dropped", "integer"},
        {"the whole line", "the whole line", "integer"},
        {"\uD83D\uDE00 \u00e9t\u00e9 then the tail \u20ac", "the tail \u20ac", "integer"},
        {"tail after \uD83D\uDE00\uD83D\uDE00", "\uD83D\uDE00", "integer"},
        {"a\u0000b then tail", "tail", "text"},
        {"raw text", "a different message", "text"},
        {"ab", "xab", "text"},
        {"x  y", " y", "integer"},
        {"it's 'quoted'", "'quoted'", "integer"},
    };

    @Test
    void messagesComeBackExactlyWhetherTheRowHoldsAnOffsetOrTheText() throws Exception {
        for (boolean replay : new boolean[] {false, true}) {
            Path db = dir.resolve("messages-" + replay + ".sqlite3");
            List<RawEnvelope> stored;
            try (SqliteStorage storage = new SqliteStorage(db)) {
                List<RawEnvelope> envelopes = storage.unitOfWork().write(() -> {
                    List<RawEnvelope> received = storage.rawEnvelopes().receiveAll(
                            java.util.Arrays.stream(MESSAGES).map(m -> StorageFixtures.content(m[0])).toList(),
                            StorageFixtures.T0);
                    if (!replay) {
                        storage.canonicalEvents().saveAll(eventsOf(received));
                    }
                    return received;
                });
                if (replay) { // stored in an earlier transaction: the UPDATE path decides in SQL
                    storage.unitOfWork().write(() -> {
                        storage.canonicalEvents().saveAll(eventsOf(envelopes));
                        return null;
                    });
                }
                stored = envelopes;
                for (int i = 0; i < MESSAGES.length; i++) {
                    int k = i;
                    CanonicalEvent back = storage.unitOfWork()
                            .read(() -> storage.canonicalEvents().findById(envelopes.get(k).id())).orElseThrow();
                    assertEquals(MESSAGES[i][1], back.message(), "message " + i + (replay ? " (replay)" : ""));
                }
            }
            List<List<String>> rows = rows(db, "SELECT e.id, typeof(e.message), v.message FROM events e"
                    + " JOIN canonical_events v ON v.id = e.id ORDER BY e.id");
            assertEquals(MESSAGES.length, rows.size());
            for (int i = 0; i < MESSAGES.length; i++) {
                assertEquals(String.valueOf(stored.get(i).id().value()), rows.get(i).get(0));
                assertEquals(MESSAGES[i][2], rows.get(i).get(1), "storage of message " + i);
                assertEquals(MESSAGES[i][1], rows.get(i).get(2), "view of message " + i);
            }
        }
    }

    private static List<CanonicalEvent> eventsOf(List<RawEnvelope> envelopes) {
        List<CanonicalEvent> events = new ArrayList<>();
        for (int i = 0; i < envelopes.size(); i++) {
            events.add(event(envelopes.get(i), MESSAGES[i][1], StorageFixtures.T0, Map.of("host", "parsed")));
        }
        return events;
    }

    @Test
    void timesAreMicrosecondsInTheRowAndTextInTheViews() throws Exception {
        Path db = dir.resolve("times.sqlite3");
        Instant[] times = {Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("2026-11-25T04:05:06.123456789Z"),
            Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999Z"),
            Instant.ofEpochSecond(-1, 1_000)};
        try (SqliteStorage storage = new SqliteStorage(db)) {
            for (Instant at : times) {
                RawEnvelope envelope = storage.unitOfWork().write(() -> {
                    RawEnvelope r = storage.rawEnvelopes().receiveAll(List.of(StorageFixtures.content("m")), at)
                            .getFirst();
                    storage.canonicalEvents().saveAll(List.of(event(r, "m", at, Map.of("timestamp", "parsed"))));
                    return r;
                });
                Instant micros = at.truncatedTo(ChronoUnit.MICROS);
                CanonicalEvent back = storage.unitOfWork()
                        .read(() -> storage.canonicalEvents().findById(envelope.id())).orElseThrow();
                assertEquals(micros, back.timestamp());
                assertEquals(micros, back.createdAt());
                RawEnvelope raw = storage.unitOfWork()
                        .read(() -> storage.rawEnvelopes().findById(envelope.id())).orElseThrow();
                assertEquals(micros, raw.receivedAt());
                assertEquals(List.of(List.of("integer", "integer", SqlTimes.format(micros), SqlTimes.format(micros),
                        SqlTimes.format(micros))), rows(db, "SELECT typeof(e.timestamp), typeof(e.received_at),"
                        + " v.timestamp, v.created_at, r.received_at FROM events e JOIN canonical_events v ON"
                        + " v.id = e.id JOIN raw_envelopes r ON r.id = e.id WHERE e.id = " + envelope.id().value()));
            }
            // the since filter compares microseconds
            assertEquals(2, storage.unitOfWork().read(() -> storage.rawEnvelopes()
                    .findAfter(0, List.of(), Instant.parse("2026-11-25T04:05:06.123456Z"), 10)).size());
        }
    }

    @Test
    void eachSetOfFieldSourcesIsStoredOnceAndEveryEventGetsItsOwnBack() throws Exception {
        Path db = dir.resolve("sources.sqlite3");
        Map<String, String> parsed = Map.of("timestamp", "parsed", "host", "parsed", "service", "parsed",
                "severity", "parsed", "facility", "parsed");
        Map<String, String> fallback = Map.of("timestamp", "received_at", "host", "sender", "service", "none",
                "severity", "default", "facility", "default", "severity_client_unrecognized", "loud \"!\"");
        try (SqliteStorage storage = new SqliteStorage(db)) {
            List<RawEnvelope> envelopes = storage.unitOfWork().write(() -> {
                List<RawEnvelope> received = storage.rawEnvelopes().receiveAll(
                        java.util.Collections.nCopies(100, StorageFixtures.content("m")), StorageFixtures.T0);
                List<CanonicalEvent> events = new ArrayList<>();
                for (int i = 0; i < received.size(); i++) {
                    events.add(event(received.get(i), "m", StorageFixtures.T0, i % 3 == 0 ? fallback : parsed));
                }
                storage.canonicalEvents().saveAll(events);
                return received;
            });
            for (int i = 0; i < envelopes.size(); i++) {
                int k = i;
                assertEquals(i % 3 == 0 ? fallback : parsed, storage.unitOfWork()
                        .read(() -> storage.canonicalEvents().findById(envelopes.get(k).id())).orElseThrow()
                        .fieldSources());
            }
        }
        assertEquals(List.of(List.of("2")), rows(db, "SELECT COUNT(*) FROM field_source_sets"));
        assertEquals(List.of(List.of("0")), rows(db, "SELECT COUNT(*) FROM events WHERE typeof(field_sources)"
                + " <> 'integer' OR field_sources < " + FieldSourceSets.HASHED));
        for (List<String> row : rows(db, "SELECT field_sources FROM canonical_events")) {
            assertTrue(row.getFirst().startsWith("{\"facility\":"), "keys in order: " + row);
        }
    }
}
