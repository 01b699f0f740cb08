package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.application.port.out.StorageException;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.event.CanonicalEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;

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

        Pending(RawEnvelope envelope) {
            this.envelope = envelope;
        }

        /** Builds the rows from the domain objects as they stand now; later calls keep those rows. */
        void seal() {
            if (row == null) {
                row = RawEnvelopeRow.from(envelope);
                eventRow = event == null ? null : CanonicalEventRow.from(event);
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

    /**
     * Rows per INSERT statement on the hot path: one statement execution per 20 rows instead of per row saves
     * about 15 % of SQLite's insert CPU, with the same binds (bench/README.md, "binding experiment").
     */
    static final int ROWS_PER_STATEMENT = 20;

    static final String INSERT_EVENTS_GROUPED = INSERT_EVENT + (", " + INSERT_EVENT.substring(
            INSERT_EVENT.indexOf(" VALUES ") + 8)).repeat(ROWS_PER_STATEMENT - 1);

    static final String UPDATE_EVENT = "UPDATE events SET timestamp = ?, host = ?, service = ?, severity = ?,"
            + " facility = ?, message = ?, event_family = ?, signature_id = ?, structured_fields = ?,"
            + " field_sources = ?, event_parser_name = ?, event_parser_version = ?, created_at = ?"
            + " WHERE id = ? AND tenant_id = ? AND source_type IS ? AND source_id IS ? AND source_path IS ?";

    private HotPathInserts() {
    }

    static StorageException mismatch(long id) {
        return new StorageException("canonical event " + id + " has no stored envelope of the same tenant and source");
    }

    static void insert(Connection connection, Collection<Pending> rows, EventBlocks blocks) {
        if (rows.isEmpty()) {
            return;
        }
        int grouped = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        java.util.Iterator<Pending> it = rows.iterator();
        try {
            if (grouped > 0) {
                try (PreparedStatement ps = connection.prepareStatement(INSERT_EVENTS_GROUPED)) {
                    for (int done = 0; done < grouped; done += ROWS_PER_STATEMENT) {
                        for (int k = 0; k < ROWS_PER_STATEMENT; k++) {
                            bindRow(ps, k * COLUMNS, it.next(), blocks);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (it.hasNext()) {
                try (PreparedStatement ps = connection.prepareStatement(INSERT_EVENT)) {
                    while (it.hasNext()) {
                        bindRow(ps, 0, it.next(), blocks);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot insert events: " + e.getMessage(), e);
        }
    }

    /** Binds one row's 28 columns after parameter {@code at} and notes its values in the block summaries. */
    private static void bindRow(PreparedStatement ps, int at, Pending p, EventBlocks blocks) throws SQLException {
        p.seal();
        RawEnvelopeRow r = p.row;
        ps.setLong(at + 1, r.id());
        ps.setString(at + 2, r.tenantId());
        text(ps, at + 3, r.sourceType());
        text(ps, at + 4, r.sourceId());
        text(ps, at + 5, r.sourceName());
        text(ps, at + 6, r.sourcePath());
        text(ps, at + 7, r.messageRaw());
        ps.setString(at + 8, r.sentFields());
        ps.setString(at + 9, r.receivedAt());
        ps.setString(at + 10, r.status());
        text(ps, at + 11, r.failureReason());
        text(ps, at + 12, r.parserName());
        text(ps, at + 13, r.parserVersion());
        ps.setInt(at + 14, r.attempts());
        text(ps, at + 15, r.lastAttemptAt());
        CanonicalEventRow e = p.eventRow;
        if (e == null) {
            for (int i = 16; i <= COLUMNS; i++) {
                ps.setNull(at + i, Types.VARCHAR);
            }
            blocks.note(r.id(), r.tenantId(), r.sourceType(), r.sourceId(), r.sourcePath(), null, null, null, null);
        } else {
            bindEvent(ps, at + 16, e);
            blocks.note(r.id(), r.tenantId(), r.sourceType(), r.sourceId(), r.sourcePath(), e.host(), e.service(),
                    e.severity(), e.signatureId());
        }
    }

    /** Canonical events of envelopes stored in an earlier transaction (replay). */
    static void update(Connection connection, Collection<CanonicalEventRow> rows, EventBlocks blocks) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(UPDATE_EVENT)) {
            for (CanonicalEventRow e : rows) {
                bindEvent(ps, 1, e);
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
        } catch (SQLException e) {
            throw new StorageException("cannot store canonical events: " + e.getMessage(), e);
        }
    }

    private static void bindEvent(PreparedStatement ps, int at, CanonicalEventRow e) throws SQLException {
        ps.setString(at, e.timestamp());
        text(ps, at + 1, e.host());
        text(ps, at + 2, e.service());
        ps.setString(at + 3, e.severity());
        text(ps, at + 4, e.facility());
        ps.setString(at + 5, e.message());
        ps.setString(at + 6, e.eventFamily());
        ps.setString(at + 7, e.signatureId());
        ps.setString(at + 8, e.structuredFields());
        ps.setString(at + 9, e.fieldSources());
        ps.setString(at + 10, e.parserName());
        ps.setString(at + 11, e.parserVersion());
        ps.setString(at + 12, e.createdAt());
    }

    private static void text(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
