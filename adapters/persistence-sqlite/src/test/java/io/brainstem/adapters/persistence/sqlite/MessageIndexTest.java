package io.brainstem.adapters.persistence.sqlite;

import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.TENANT;
import static io.brainstem.application.port.out.StorageFixtures.content;
import static io.brainstem.application.port.out.StorageFixtures.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.MemoryQueries.EventQuery;
import io.brainstem.application.port.out.StorageFixtures;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.SignatureId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message index in partitions by receipt day (ADR 34): a day's first batch opens a partition, searches read
 * them newest first and skip those outside since/until or the cursor, retention drops a partition whole once all
 * its events are gone and never deletes index rows, replay replaces a message, and ids are never handed out again.
 */
class MessageIndexTest {

    private static final SignatureId SIG = SignatureId.derive(TENANT.value(), "VPN tunnel <*>");
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path dir;

    private SqliteStorage s;

    @BeforeEach
    void open() {
        s = new SqliteStorage(dir.resolve("index.sqlite3"));
    }

    @AfterEach
    void close() {
        s.close();
    }

    /** Receives one envelope per message at {@code receivedAt} with its event (timestamp {@code at}) in one write. */
    private List<Long> ingest(Instant receivedAt, Instant at, String... messages) {
        return s.unitOfWork().write(() -> {
            List<RawEnvelope> env = s.rawEnvelopes().receiveAll(
                    java.util.Arrays.stream(messages).map(StorageFixtures::content).toList(), receivedAt);
            List<CanonicalEvent> events = new ArrayList<>();
            for (int k = 0; k < env.size(); k++) {
                events.add(event(env.get(k).id().value(), TENANT, SIG, at, "fw-01", "charon", Severity.WARNING,
                        messages[k]));
            }
            s.canonicalEvents().saveAll(events);
            return env.stream().map(e -> e.id().value()).toList();
        });
    }

    private List<Long> search(Optional<Instant> since, Optional<Instant> until, Optional<Long> before, int limit,
            String... words) {
        EventQuery q = new EventQuery(Optional.of(TENANT.value()), List.of(words), Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(), since, until, before);
        return s.unitOfWork().read(() -> s.inspection().searchEvents(q, limit)).stream()
                .map(e -> e.id().value()).toList();
    }

    private List<Long> search(String... words) {
        return search(Optional.empty(), Optional.empty(), Optional.empty(), 100, words);
    }

    private List<String> partitions() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + s.file());
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT name FROM events_fts_parts ORDER BY first_id")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + s.file());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        return new ArrayList<>(list).reversed();
    }

    @Test
    void eachReceiptDayHasItsPartitionAndSearchReadsThemNewestFirstWithTheCursor() throws Exception {
        List<Long> day1 = ingest(T0, T0, "tunnel one", "tunnel two");
        List<Long> day1later = ingest(T0.plusSeconds(60), T0, "tunnel three");
        List<Long> day2 = ingest(T0.plus(DAY), T0.plus(DAY), "tunnel four", "other");
        List<Long> day3 = ingest(T0.plus(DAY.multipliedBy(2)), T0.plus(DAY.multipliedBy(2)), "tunnel five");
        // the V7 table first (empty here), then one per day
        assertEquals(List.of("events_fts", "events_fts_p" + day1.getFirst(), "events_fts_p" + day2.getFirst(),
                "events_fts_p" + day3.getFirst()), partitions());

        List<Long> all = new ArrayList<>();
        all.addAll(day1);
        all.addAll(day1later);
        all.add(day2.getFirst());
        all.addAll(day3);
        assertEquals(reversed(all), search("tunnel"));
        // pages across partitions: no duplicate, no gap
        List<Long> paged = new ArrayList<>();
        Optional<Long> before = Optional.empty();
        while (true) {
            List<Long> page = search(Optional.empty(), Optional.empty(), before, 2, "tunnel");
            if (page.isEmpty()) {
                break;
            }
            paged.addAll(page);
            before = Optional.of(page.getLast());
        }
        assertEquals(reversed(all), paged);
        // since/until on the event timestamp: within one day's partition
        assertEquals(List.of(day2.getFirst()), search(Optional.of(T0.plus(DAY)), Optional.of(T0.plus(DAY).plusSeconds(1)),
                Optional.empty(), 100, "tunnel"));
        assertEquals(reversed(List.of(day1.get(0), day1.get(1), day1later.getFirst())),
                search(Optional.empty(), Optional.of(T0.plusSeconds(1)), Optional.empty(), 100, "tunnel"));
    }

    @Test
    void timestampBoundsOfAPartitionAreWidenedSoThatSinceAndUntilNeverMissAnEvent() {
        List<Long> a = ingest(T0, T0, "alpha now");
        // same receipt day, an event stamped a week before and one a week after
        List<Long> b = ingest(T0.plusSeconds(5), T0.minus(DAY.multipliedBy(7)), "alpha early");
        List<Long> c = ingest(T0.plusSeconds(6), T0.plus(DAY.multipliedBy(7)), "alpha late");
        assertEquals(b, search(Optional.empty(), Optional.of(T0.minus(DAY)), Optional.empty(), 100, "alpha"));
        assertEquals(c, search(Optional.of(T0.plus(DAY)), Optional.empty(), Optional.empty(), 100, "alpha"));
        assertEquals(a, search(Optional.of(T0), Optional.of(T0.plusSeconds(1)), Optional.empty(), 100, "alpha"));
    }

    @Test
    void retentionDropsAPartitionOnceAllItsEventsAreGoneAndLeavesTheRestOfTheIndexAlone() throws Exception {
        List<Long> day1 = ingest(T0, T0, "tunnel a", "tunnel b", "tunnel c");
        List<Long> day2 = ingest(T0.plus(DAY), T0.plus(DAY), "tunnel d", "tunnel e");
        long rowsOfDay2 = scalar("SELECT COUNT(*) FROM events_fts_p" + day2.getFirst() + "_data");

        // part of day 1: its partition stays, the deleted events are no longer found
        assertEquals(2, s.unitOfWork().write(() -> s.rawEnvelopes().deleteReceivedBefore(T0.plusSeconds(1), 2)));
        assertTrue(partitions().contains("events_fts_p" + day1.getFirst()));
        assertEquals(List.of(day2.get(1), day2.get(0), day1.get(2)), search("tunnel"));

        // the rest of day 1 and one event of day 2: day 1's partition (and the V7 one) go
        assertEquals(2, s.unitOfWork().write(() ->
                s.rawEnvelopes().deleteReceivedBefore(T0.plus(DAY).plusSeconds(1), 2)));
        assertEquals(List.of("events_fts_p" + day2.getFirst()), partitions());
        assertEquals(rowsOfDay2, scalar("SELECT COUNT(*) FROM events_fts_p" + day2.getFirst() + "_data"),
                "no index row of a partition still in use is deleted");
        assertEquals(List.of(day2.get(1)), search("tunnel"));

        // everything: the newest partition stays (and is written to again); ids are never handed out again
        assertEquals(1, s.unitOfWork().write(() -> s.rawEnvelopes().deleteReceivedBefore(T0.plus(DAY.multipliedBy(9)),
                10)));
        assertEquals(List.of(), search("tunnel"));
        List<Long> next = ingest(T0.plus(DAY).plusSeconds(5), T0.plus(DAY), "tunnel f");
        assertTrue(next.getFirst() > day2.getLast(), "id " + next.getFirst() + " was handed out before");
        assertEquals(next, search("tunnel"));
        assertEquals(List.of("events_fts_p" + day2.getFirst()), partitions());
    }

    @Test
    void replayReplacesTheIndexedMessage() throws Exception {
        List<Long> ids = ingest(T0, T0, "tunnel dropped", "link down");
        // replay: the canonical events again, in a later transaction, with other messages and a later time
        StorageFixtures.write(s, () -> s.canonicalEvents().saveAll(List.of(
                event(ids.get(0), TENANT, SIG, T0.plus(DAY.multipliedBy(3)), "fw-01", "charon", Severity.WARNING,
                        "tunnel rekeyed"))));
        assertEquals(List.of(), search("dropped"));
        assertEquals(List.of(ids.get(0)), search("rekeyed"));
        assertEquals(List.of(ids.get(0)), search(Optional.of(T0.plus(DAY)), Optional.empty(), Optional.empty(),
                100, "tunnel"));
        assertEquals(List.of(ids.get(1)), search("link"));
        // the same event twice in one replay: the last one counts, indexed once
        StorageFixtures.write(s, () -> s.canonicalEvents().saveAll(List.of(
                event(ids.get(1), TENANT, SIG, T0, "fw-01", "charon", Severity.WARNING, "link flapping"),
                event(ids.get(1), TENANT, SIG, T0, "fw-01", "charon", Severity.WARNING, "link restored"))));
        assertEquals(List.of(ids.get(1)), search("link"));
        assertEquals(List.of(ids.get(1)), search("restored"));
        assertEquals(List.of(), search("flapping"));
        assertEquals(List.of(), search("down"));
        // an envelope whose event comes in a later transaction is indexed then
        List<RawEnvelope> late = StorageFixtures.receive(s, T0.plusSeconds(1), "x");
        StorageFixtures.write(s, () -> s.canonicalEvents().saveAll(List.of(event(late.getFirst().id().value(),
                TENANT, SIG, T0, "fw-01", "charon", Severity.WARNING, "tunnel late"))));
        assertEquals(List.of(late.getFirst().id().value()), search("late"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + s.file())) {
            String p = "events_fts_p" + ids.getFirst();
            c.createStatement().execute("INSERT INTO " + p + " (" + p + ") VALUES ('integrity-check')");
        }
    }

    @Test
    void aVersionNineIndexIsTheFirstPartitionAsItIs() throws Exception {
        Path file = dir.resolve("v9.sqlite3");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration/sqlite")
                .table("schema_version").target("9").load().migrate();
        s.close();
        s = new SqliteStorage(file);
        // what V9's writer would have left: write through V11's code, then put the rows back into events_fts alone
        List<Long> old = ingest(T0, T0, "tunnel old", "link old");
        s.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            var st = c.createStatement();
            st.execute("INSERT INTO events_fts (rowid, body) SELECT id, " + HotPathInserts.MESSAGE_SQL + " FROM events");
            st.execute("DROP TABLE events_fts_p" + old.getFirst());
            st.execute("DROP TABLE events_fts_parts");
            st.execute("DROP TABLE events_id_floor");
            // back to before V11: V11 and every later migration run again on the next open
            st.execute("DROP TABLE IF EXISTS idempotency_keys"); // V12
            st.execute("DELETE FROM schema_version WHERE CAST(version AS INTEGER) >= 11");
        }
        s = new SqliteStorage(file);
        assertEquals(List.of("events_fts"), partitions());
        assertEquals(List.of(old.get(0)), search("tunnel"));
        // replay in the V7 table (contentless_delete) and a new day beside it
        StorageFixtures.write(s, () -> s.canonicalEvents().saveAll(List.of(event(old.get(1), TENANT, SIG, T0,
                "fw-01", "charon", Severity.WARNING, "link new"))));
        assertEquals(List.of(old.get(1)), search("new"));
        assertEquals(List.of(), search("old", "link"));
        List<Long> today = ingest(T0.plus(DAY), T0.plus(DAY), "tunnel today");
        assertEquals(List.of(today.getFirst(), old.get(0)), search("tunnel"));
        assertEquals(2, partitions().size());
        s.unitOfWork().write(() -> s.rawEnvelopes().deleteReceivedBefore(T0.plusSeconds(1), 10));
        assertEquals(List.of("events_fts_p" + today.getFirst()), partitions());
        assertEquals(List.of(today.getFirst()), search("tunnel"));
    }
}
