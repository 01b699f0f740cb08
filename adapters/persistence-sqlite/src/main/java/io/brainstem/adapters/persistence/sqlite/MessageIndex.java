package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.application.port.out.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The full-text index of event messages, one FTS5 table per UTC day of receipt (ADR 34, migration V11). The
 * partitions are listed in {@code events_fts_parts}; each holds the ids from its {@code first_id} up to the next
 * one's. The writer adds a batch's messages to the newest partition, opening a new one when the batch was
 * received on a later day; retention never deletes index rows, it drops a partition whole once all its events
 * are deleted (a match whose event is gone joins no row). Searches read the partitions newest first.
 *
 * <p>An instance holds the writer's view of the newest partition, owned like {@link EventBlocks} by whoever holds
 * the writer connection; {@link #forget} after a rollback or another process's commit.
 */
final class MessageIndex {

    static final long DAY_MICROS = 86_400_000_000L;
    static final long HOUR_MICROS = 3_600_000_000L;
    /** How a partition made by V7 replaces a row: it has contentless_delete. */
    static final String BY_ROWID = "contentless_delete";
    /** How a partition made by the writer replaces a row: the 'delete' command with the indexed text. */
    static final String BY_VALUES = "contentless";

    private static final Pattern NAME = Pattern.compile("events_fts(_p[0-9]+)?");

    /** One partition; {@code minTs}/{@code maxTs} are inclusive bounds of its timestamps, null when unknown. */
    record Partition(String name, long firstId, long day, Long minTs, Long maxTs, String kind) {
        Partition {
            if (!NAME.matcher(name).matches()) { // interpolated into SQL: only names the writer makes
                throw new StorageException("not a message index partition: " + name);
            }
        }

        /** Whether it may hold an event with {@code since <= timestamp < until} (either bound null: open). */
        boolean mayHold(Long since, Long until) {
            if (minTs == null || maxTs == null) {
                return true;
            }
            return (since == null || maxTs >= since) && (until == null || minTs < until);
        }
    }

    /** The newest partition as the writer last read or wrote it; null when not known. */
    private Partition newest;

    /** What the writer knows of the index may be wrong (rolled back, or another process wrote). */
    void forget() {
        newest = null;
    }

    private static final String COLUMNS = "SELECT name, first_id, day, min_ts, max_ts, kind FROM events_fts_parts";

    /** Every partition, newest first. */
    static List<Partition> all(Connection c) {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(COLUMNS + " ORDER BY first_id DESC")) {
            List<Partition> out = new ArrayList<>();
            while (rs.next()) {
                out.add(partition(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read the message index partitions: " + e.getMessage(), e);
        }
    }

    private static Partition partition(ResultSet rs) throws SQLException {
        long min = rs.getLong(4);
        Long minTs = rs.wasNull() ? null : min;
        long max = rs.getLong(5);
        Long maxTs = rs.wasNull() ? null : max;
        return new Partition(rs.getString(1), rs.getLong(2), rs.getLong(3), minTs, maxTs, rs.getString(6));
    }

    /** The partition holding {@code id}: the one with the highest first id not above it, else the oldest. */
    static Partition holding(List<Partition> newestFirst, long id) {
        for (Partition p : newestFirst) {
            if (p.firstId() <= id) {
                return p;
            }
        }
        return newestFirst.getLast();
    }

    /**
     * Indexes the messages of the canonical events among ids {@code first..last}, just inserted: SQLite reads them
     * back from the rows it has just written. {@code receivedAt} is the latest receive time among them,
     * {@code minTs..maxTs} their timestamps (all microseconds).
     */
    void index(HotPathInserts.Statements statements, Connection c, long first, long last, long receivedAt,
            long minTs, long maxTs) throws SQLException {
        Partition p = newest(c);
        long day = Math.floorDiv(receivedAt, DAY_MICROS);
        if (p == null || (day > p.day() && first > p.firstId())) {
            p = open(c, first, day, minTs, maxTs);
        } else if (first < p.firstId()) {
            // never expected (ids ascend with every commit), but an id below the newest partition belongs to an
            // older one; forget the cache so that it is read again
            p = holding(all(c), first);
            widen(c, p, minTs, maxTs);
            newest = null;
        } else {
            widen(c, p, minTs, maxTs);
        }
        PreparedStatement ps = statements.prepare(c, "INSERT INTO " + p.name() + " (rowid, body) SELECT id, "
                + HotPathInserts.MESSAGE_SQL + " FROM events WHERE id BETWEEN ?1 AND ?2 AND signature_id IS NOT NULL");
        ps.setLong(1, first);
        ps.setLong(2, last);
        ps.executeUpdate();
    }

    private Partition newest(Connection c) throws SQLException {
        if (newest == null) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(COLUMNS + " ORDER BY first_id DESC LIMIT 1")) {
                newest = rs.next() ? partition(rs) : null;
            }
        }
        return newest;
    }

    /** A new newest partition from id {@code first}: an FTS5 table in the writer's transaction. */
    private Partition open(Connection c, long first, long day, long minTs, long maxTs) throws SQLException {
        Partition p = new Partition("events_fts_p" + first, first, day, floorHour(minTs), ceilHour(maxTs), BY_VALUES);
        try (Statement st = c.createStatement()) {
            // contentless without contentless_delete, and no column sizes (nothing ranks events by bm25): 15–25 %
            // less indexing per event than V7's table (ADR 34); rows are only ever deleted by value, by replay
            st.executeUpdate("CREATE VIRTUAL TABLE " + p.name() + " USING fts5(body, content = '', columnsize = 0)");
            st.executeUpdate("INSERT INTO " + p.name() + " (" + p.name() + ", rank) VALUES ('automerge', 16)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO events_fts_parts (name, first_id, day, min_ts,"
                + " max_ts, kind) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.name());
            ps.setLong(2, first);
            ps.setLong(3, day);
            ps.setLong(4, p.minTs());
            ps.setLong(5, p.maxTs());
            ps.setString(6, p.kind());
            ps.executeUpdate();
        }
        newest = p;
        return p;
    }

    /** Widens {@code p}'s timestamp bounds to hold {@code minTs..maxTs}, in whole hours; writes only a change. */
    private void widen(Connection c, Partition p, long minTs, long maxTs) throws SQLException {
        if (p.minTs() == null || p.maxTs() == null || (minTs >= p.minTs() && maxTs <= p.maxTs())) {
            return;
        }
        long min = Math.min(p.minTs(), floorHour(minTs));
        long max = Math.max(p.maxTs(), ceilHour(maxTs));
        // min/max in SQL as well: a caller's view of the bounds may be older than the row's
        try (PreparedStatement ps = c.prepareStatement("UPDATE events_fts_parts SET min_ts = min(min_ts, ?),"
                + " max_ts = max(max_ts, ?) WHERE name = ? AND min_ts IS NOT NULL AND max_ts IS NOT NULL")) {
            ps.setLong(1, min);
            ps.setLong(2, max);
            ps.setString(3, p.name());
            ps.executeUpdate();
        }
        if (newest != null && newest.name().equals(p.name())) {
            newest = new Partition(p.name(), p.firstId(), p.day(), min, max, p.kind());
        }
    }

    /**
     * Before replay rewrites the rows of {@code ids}: removes their indexed messages, each from its partition, by
     * rowid or with FTS5's 'delete' command fed by SQLite from the row as it still is, the very text that was indexed
     * (it never passes through Java). Returns the partitions, newest first, for {@link #reindex}.
     */
    static List<Partition> unindex(Connection c, List<Long> ids) throws SQLException {
        List<Partition> parts = all(c);
        for (long id : new java.util.LinkedHashSet<>(ids)) {
            Partition p = holding(parts, id);
            String sql = BY_ROWID.equals(p.kind())
                    ? "DELETE FROM " + p.name() + " WHERE rowid = ?"
                    : "INSERT INTO " + p.name() + " (" + p.name() + ", rowid, body) SELECT 'delete', id, "
                            + HotPathInserts.MESSAGE_SQL + " FROM events WHERE id = ? AND signature_id IS NOT NULL";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
        return parts;
    }

    /**
     * After replay rewrote the rows of {@code ids} (unindexed by {@link #unindex}) with new messages and timestamps
     * ({@code timestamps}, microseconds, by position): indexes each once, read back from its row, and widens its
     * partition's bounds to the new timestamps.
     */
    void reindex(Connection c, List<Partition> parts, List<Long> ids, List<Long> timestamps) throws SQLException {
        java.util.Set<Long> done = new java.util.HashSet<>();
        for (int k = 0; k < ids.size(); k++) {
            long id = ids.get(k);
            Partition p = holding(parts, id);
            if (done.add(id)) { // the same event twice in one call: its row holds the last, indexed once
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + p.name() + " (rowid, body) SELECT id, "
                        + HotPathInserts.MESSAGE_SQL + " FROM events WHERE id = ? AND signature_id IS NOT NULL")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            widen(c, p, timestamps.get(k), timestamps.get(k));
        }
        newest = null;
    }

    /**
     * After retention deleted every event with an id up to {@code through}: remembers that no id up to it may be
     * handed out again, and drops each partition all of whose events are gone (all but the newest can be).
     * Returns how many partitions were dropped.
     */
    static int expired(Connection c, long through) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE events_id_floor SET id = max(id, ?)")) {
            ps.setLong(1, through);
            ps.executeUpdate();
        }
        List<Partition> parts = all(c); // newest first
        int dropped = 0;
        for (int k = parts.size() - 1; k >= 1; k--) {
            Partition older = parts.get(k);
            Partition next = parts.get(k - 1);
            if (next.firstId() > through + 1) {
                break;
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DROP TABLE " + older.name());
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM events_fts_parts WHERE name = ?")) {
                ps.setString(1, older.name());
                ps.executeUpdate();
            }
            dropped++;
        }
        return dropped;
    }

    static long floorHour(long micros) {
        return Math.floorDiv(micros, HOUR_MICROS) * HOUR_MICROS;
    }

    static long ceilHour(long micros) {
        return floorHour(micros) + HOUR_MICROS - 1;
    }
}
