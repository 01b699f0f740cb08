package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.RawEnvelopeRow;
import io.brainstem.adapters.persistence.relational.CanonicalEventRow;
import io.brainstem.application.port.out.StorageException;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.event.CanonicalEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.datasource.pooled.PooledDataSource;

/**
 * The writes every event makes, as plain JDBC batches on the unit of work's connection: one row of
 * {@code events} holding the envelope and, once known, its canonical event (ADR 12). MyBatis binds parameters
 * by reflection per row; on this path that cost more than SQLite itself (ADR 7). Each row's filterable values
 * go to the {@link EventBlocks} summaries of the same transaction.
 */
final class HotPathInserts {

    /**
     * An envelope received in the current transaction, with its canonical event once that is made; turned
     * into a row once, at insert.
     */
    static final class Pending {
        RawEnvelope envelope;
        CanonicalEvent event;
        private RawEnvelopeRow row;
        private CanonicalEventRow eventRow;
        private FieldSourceSets.Entry fieldSources;
        /** The 28 column values in INSERT_EVENT order: Long, Integer, String or null. */
        private Object[] values;

        Pending(RawEnvelope envelope) {
            this.envelope = envelope;
        }

        /** Builds the rows from the domain objects as they stand now; later calls keep those rows. */
        void seal() {
            if (row == null) {
                row = RawEnvelopeRow.from(envelope);
                if (event != null) {
                    fieldSources = FieldSourceSets.of(event.fieldSources());
                    eventRow = CanonicalEventRow.from(event, fieldSources.json());
                }
                values = columnValues(row, eventRow, fieldSources);
            }
        }
    }

    static final String INSERT_EVENT = "INSERT INTO events (id, tenant_id, source_type, source_id, source_name,"
            + " source_path, message_raw, sent_fields, received_at, status, failure_reason, parser_name,"
            + " parser_version, attempts, last_attempt_at, timestamp, host, service, severity, facility, message,"
            + " event_family, signature_id, structured_fields, field_sources, event_parser_name,"
            + " event_parser_version, created_at)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    static final int COLUMNS = 28;

    static final String INSERT_PREFIX = INSERT_EVENT.substring(0, INSERT_EVENT.indexOf(" VALUES ") + 8);

    /**
     * Rows per INSERT statement on the hot path: one statement execution per 20 rows instead of per row saved
     * about 15 % of SQLite's insert CPU, with the same binds (bench/README.md, "binding experiment"); 50 rather
     * than 20 took the committer from 5.1–6.2 to 4.9–5.0 µs per event once statements stayed prepared (ADR 14).
     */
    static final int ROWS_PER_STATEMENT = 50;

    /**
     * Replay's update of the canonical columns. The message becomes an offset into the raw message when it is
     * its tail, decided by SQLite with the same {@code substr} that reads it back (see {@link #messageValue}).
     */
    static final String UPDATE_EVENT = "UPDATE events SET timestamp = ?1, host = ?2, service = ?3, severity = ?4,"
            + " facility = ?5, message = CASE WHEN length(?6) <= length(message_raw)"
            + " AND substr(message_raw, length(message_raw) - length(?6) + 1) = ?6"
            + " THEN length(message_raw) - length(?6) ELSE ?6 END, event_family = ?7, signature_id = ?8,"
            + " structured_fields = ?9, field_sources = ?10, event_parser_name = ?11, event_parser_version = ?12,"
            + " created_at = ?13"
            + " WHERE id = ?14 AND tenant_id = ?15 AND source_type IS ?16 AND source_id IS ?17"
            + " AND source_path IS ?18";

    /** The message as stored (ADR 14): the text, or the tail of message_raw from an offset. */
    static final String MESSAGE_SQL =
            "CASE WHEN typeof(message) = 'integer' THEN substr(message_raw, message + 1) ELSE message END";

    private HotPathInserts() {
    }

    /**
     * The prepared statements of the writer connection, by SQL text, kept across transactions: preparing the
     * multi-row INSERT (560 values at 20 rows) took about 7 % of the committer's CPU when it was done per batch.
     * Used only by whoever holds the writer connection, like {@link EventBlocks}. A statement belongs to the physical
     * connection under the pool's proxy; when that changes, the cache starts again.
     */
    static final class Statements implements AutoCloseable {

        private static final int LIMIT = 16;

        private Connection physical;
        private final Map<String, PreparedStatement> cache = new LinkedHashMap<>(32, 0.75f, true);

        PreparedStatement prepare(Connection connection, String sql) throws SQLException {
            Connection real = PooledDataSource.unwrapConnection(connection);
            if (real != physical) {
                close();
                physical = real;
            }
            PreparedStatement ps = cache.get(sql);
            if (ps == null || ps.isClosed()) {
                ps = real.prepareStatement(sql);
                cache.put(sql, ps);
                if (cache.size() > LIMIT) {
                    var eldest = cache.entrySet().iterator();
                    closeQuietly(eldest.next().getValue());
                    eldest.remove();
                }
            }
            ps.clearBatch();
            return ps;
        }

        @Override
        public void close() {
            cache.values().forEach(Statements::closeQuietly);
            cache.clear();
            physical = null;
        }

        private static void closeQuietly(PreparedStatement ps) {
            try {
                ps.close();
            } catch (SQLException e) {
                // the connection is going away or the statement is already gone: nothing to keep
            }
        }
    }

    static StorageException mismatch(long id) {
        return new StorageException("canonical event " + id + " has no stored envelope of the same tenant and source");
    }

    /**
     * Inserts the rows, {@link #ROWS_PER_STATEMENT} to a statement. A column whose value is the same in every
     * row of the call (tenant, source, parser, receive time… of a syslog batch) is written into the statement
     * as an SQL literal instead of being bound once per row: each bind is a JNI call, a UTF-8 copy and a copy
     * inside SQLite, and binds were the larger half of the insert's CPU (bench/README.md, "binding
     * experiment"). Only text that survives as a literal exactly is inlined (no NUL, no surrogate, at most
     * 512 characters), and nulls; integers, the id and the raw message are always bound.
     */
    static void insert(Statements statements, Connection connection, Collection<Pending> rows, EventBlocks blocks,
            MessageIndex messages) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> values = new ArrayList<>(rows.size());
        Set<FieldSourceSets.Entry> fieldSources = new HashSet<>();
        long firstEvent = Long.MAX_VALUE;
        long lastEvent = Long.MIN_VALUE;
        long receivedAt = Long.MIN_VALUE;
        long minTs = Long.MAX_VALUE;
        long maxTs = Long.MIN_VALUE;
        for (Pending p : rows) {
            p.seal();
            values.add(p.values);
            if (p.fieldSources != null) {
                fieldSources.add(p.fieldSources);
            }
            RawEnvelopeRow r = p.row;
            CanonicalEventRow e = p.eventRow;
            if (e == null) {
                blocks.note(r.id(), r.tenantId(), r.sourceType(), r.sourceId(), r.sourcePath(), null, null, null,
                        null);
            } else {
                blocks.note(r.id(), r.tenantId(), r.sourceType(), r.sourceId(), r.sourcePath(), e.host(),
                        e.service(), e.severity(), e.signatureId());
                firstEvent = Math.min(firstEvent, r.id());
                lastEvent = Math.max(lastEvent, r.id());
                receivedAt = Math.max(receivedAt, r.receivedAt());
                minTs = Math.min(minTs, e.timestamp());
                maxTs = Math.max(maxTs, e.timestamp());
            }
        }
        // a small batch (a single HTTP event) gains nothing from literals: the plain statement, all bound
        Object[] shared = ALL_BOUND;
        String row = ROW_ALL_BOUND;
        if (values.size() >= ROWS_PER_STATEMENT) {
            shared = sharedValues(values);
            row = rowSql(shared);
        }
        int grouped = values.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        FieldSourceSets.insert(statements, connection, fieldSources);
        try {
            if (grouped > 0) {
                PreparedStatement ps = statements.prepare(connection,
                        INSERT_PREFIX + (row + ",").repeat(ROWS_PER_STATEMENT - 1) + row);
                for (int start = 0; start < grouped; start += ROWS_PER_STATEMENT) {
                    int at = 0;
                    for (int k = start; k < start + ROWS_PER_STATEMENT; k++) {
                        at = bindRow(ps, at, values.get(k), shared);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (grouped < values.size()) {
                PreparedStatement ps = statements.prepare(connection, INSERT_PREFIX + row);
                for (int k = grouped; k < values.size(); k++) {
                    bindRow(ps, 0, values.get(k), shared);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (firstEvent <= lastEvent) {
                // the ids of one call are new: no other row lies between its first and last event
                messages.index(statements, connection, firstEvent, lastEvent, receivedAt, minTs, maxTs);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot insert events: " + e.getMessage(), e);
        }
    }

    /** Counts inserted rows in {@code event_tallies} (ADR 33); after {@link #insert}, which sealed them. */
    static void tally(Collection<Pending> rows, io.brainstem.adapters.persistence.relational.EventTallies.Delta tallies) {
        for (Pending p : rows) {
            RawEnvelopeRow r = p.row;
            tallies.add(r.tenantId(), r.sourceType(), r.sourceId(), r.sourceName(), r.sourcePath(),
                    p.eventRow == null ? null : p.eventRow.host(), r.status(), r.receivedAt());
        }
    }

    /** Marks a column whose values differ between rows (or cannot be a literal): it is bound per row. */
    private static final Object BOUND = new Object();

    private static final Object[] ALL_BOUND = java.util.Collections.nCopies(COLUMNS, BOUND).toArray();
    private static final String ROW_ALL_BOUND = rowSql(ALL_BOUND);

    /** Columns that are bound for every row whatever their values: the id and the raw message. */
    private static final java.util.Set<Integer> ALWAYS_BOUND = java.util.Set.of(0, 6);

    /** Per column, the value all rows share when it can be written as an exact literal, else {@link #BOUND}. */
    static Object[] sharedValues(List<Object[]> rows) {
        Object[] first = rows.getFirst();
        Object[] shared = new Object[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            Object v = first[c];
            boolean same = !ALWAYS_BOUND.contains(c) && literalSafe(v);
            for (int r = 1; same && r < rows.size(); r++) {
                same = java.util.Objects.equals(v, rows.get(r)[c]);
            }
            shared[c] = same ? v : BOUND;
        }
        return shared;
    }

    /**
     * Null and text that survives as a literal. Integers (times, attempts, ids) are bound: binding one costs no
     * copy, and a receive time as a literal would make every batch's statement text new, to be prepared again.
     */
    private static boolean literalSafe(Object v) {
        if (v == null) {
            return true;
        }
        if (!(v instanceof String text) || text.length() > 512) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == 0 || Character.isSurrogate(ch)) {
                return false;
            }
        }
        return true;
    }

    /** One row's VALUES tuple: literals for shared columns, {@code ?} for the others. */
    static String rowSql(Object[] shared) {
        StringBuilder sb = new StringBuilder(64).append('(');
        for (int c = 0; c < COLUMNS; c++) {
            if (c > 0) {
                sb.append(',');
            }
            Object v = shared[c];
            if (v == BOUND) {
                sb.append('?');
            } else if (v == null) {
                sb.append("NULL");
            } else {
                sb.append('\'').append(((String) v).replace("'", "''")).append('\'');
            }
        }
        return sb.append(')').toString();
    }

    /** Binds a row's per-row columns from parameter {@code at + 1} on; returns the last index used. */
    private static int bindRow(PreparedStatement ps, int at, Object[] row, Object[] shared) throws SQLException {
        for (int c = 0; c < COLUMNS; c++) {
            if (shared[c] != BOUND) {
                continue;
            }
            Object v = row[c];
            at++;
            if (v == null) {
                ps.setNull(at, Types.VARCHAR);
            } else if (v instanceof String text) {
                ps.setString(at, text);
            } else if (v instanceof Long n) {
                ps.setLong(at, n);
            } else {
                ps.setInt(at, (Integer) v);
            }
        }
        return at;
    }

    /**
     * The message as stored (ADR 14): the offset, in characters, at which it starts in the raw message when it
     * is the raw message's tail, so that {@code substr(message_raw, offset + 1)} gives it back; else the text.
     * SQLite counts characters as code points, so the offset does; a raw message with NUL (where SQLite's
     * {@code length} stops) or a message starting inside a surrogate pair keeps its text.
     */
    static Object messageValue(String raw, String message) {
        if (message == null || raw == null || !raw.endsWith(message) || raw.indexOf('\0') >= 0) {
            return message;
        }
        int cut = raw.length() - message.length();
        if (cut > 0 && cut < raw.length() && Character.isLowSurrogate(raw.charAt(cut))
                && Character.isHighSurrogate(raw.charAt(cut - 1))) {
            return message;
        }
        return (long) raw.codePointCount(0, cut);
    }

    /** The 28 column values of a row, in {@link #INSERT_EVENT} order. */
    private static Object[] columnValues(RawEnvelopeRow r, CanonicalEventRow e, FieldSourceSets.Entry fieldSources) {
        Object[] v = new Object[COLUMNS];
        v[0] = r.id();
        v[1] = r.tenantId();
        v[2] = r.sourceType();
        v[3] = r.sourceId();
        v[4] = r.sourceName();
        v[5] = r.sourcePath();
        v[6] = r.messageRaw();
        v[7] = r.sentFields();
        v[8] = r.receivedAt();
        v[9] = r.status();
        v[10] = r.failureReason();
        v[11] = r.parserName();
        v[12] = r.parserVersion();
        v[13] = r.attempts();
        v[14] = r.lastAttemptAt();
        if (e != null) {
            v[15] = e.timestamp();
            v[16] = e.host();
            v[17] = e.service();
            v[18] = e.severity();
            v[19] = e.facility();
            v[20] = messageValue(r.messageRaw(), e.message());
            v[21] = e.eventFamily();
            v[22] = e.signatureId();
            v[23] = e.structuredFields();
            v[24] = fieldSources.id();
            v[25] = e.parserName();
            v[26] = e.parserVersion();
            v[27] = e.createdAt();
        }
        return v;
    }

    /** Canonical events of envelopes stored in an earlier transaction (replay). */
    static void update(Statements statements, Connection connection, Collection<CanonicalEvent> events,
            EventBlocks blocks, MessageIndex messages) {
        if (events.isEmpty()) {
            return;
        }
        List<CanonicalEventRow> rows = new ArrayList<>(events.size());
        List<FieldSourceSets.Entry> entries = new ArrayList<>(events.size());
        for (CanonicalEvent event : events) {
            FieldSourceSets.Entry entry = FieldSourceSets.of(event.fieldSources());
            entries.add(entry);
            rows.add(CanonicalEventRow.from(event, entry.json()));
        }
        FieldSourceSets.insert(statements, connection, new HashSet<>(entries));
        try (PreparedStatement ps = connection.prepareStatement(UPDATE_EVENT)) {
            List<Long> ids = rows.stream().map(CanonicalEventRow::id).toList();
            List<MessageIndex.Partition> parts = MessageIndex.unindex(connection, ids);
            for (int k = 0; k < rows.size(); k++) {
                CanonicalEventRow e = rows.get(k);
                bindEvent(ps, 1, e, entries.get(k).id());
                ps.setLong(14, e.id());
                ps.setString(15, e.tenantId());
                text(ps, 16, e.sourceType());
                text(ps, 17, e.sourceId());
                text(ps, 18, e.sourcePath());
                ps.addBatch();
                blocks.note(e.id(), e.tenantId(), e.sourceType(), e.sourceId(), e.sourcePath(), e.host(), e.service(),
                        e.severity(), e.signatureId());
            }
            int[] counts = ps.executeBatch();
            int i = 0;
            for (CanonicalEventRow e : rows) {
                if (counts[i++] != 1) {
                    throw mismatch(e.id());
                }
            }
            messages.reindex(connection, parts, ids, rows.stream().map(CanonicalEventRow::timestamp).toList());
        } catch (SQLException e) {
            throw new StorageException("cannot store canonical events: " + e.getMessage(), e);
        }
    }

    private static void bindEvent(PreparedStatement ps, int at, CanonicalEventRow e, long fieldSources)
            throws SQLException {
        ps.setLong(at, e.timestamp());
        text(ps, at + 1, e.host());
        text(ps, at + 2, e.service());
        ps.setString(at + 3, e.severity());
        text(ps, at + 4, e.facility());
        ps.setString(at + 5, e.message());
        ps.setString(at + 6, e.eventFamily());
        ps.setString(at + 7, e.signatureId());
        ps.setString(at + 8, e.structuredFields());
        ps.setLong(at + 9, fieldSources);
        ps.setString(at + 10, e.parserName());
        ps.setString(at + 11, e.parserVersion());
        ps.setLong(at + 12, e.createdAt());
    }

    private static void text(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
