package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.application.port.out.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;

/**
 * The two inserts every event makes — its raw envelope and its canonical event — as plain JDBC batches on
 * the unit of work's connection. MyBatis binds parameters by reflection per row; on this path that cost
 * more than SQLite itself (ADR 7). Same SQL, same transaction; everything else stays in the mappers.
 */
final class HotPathInserts {

    static final String INSERT_ENVELOPE = "INSERT INTO raw_envelopes (id, tenant_id, source_type, source_id,"
            + " source_name, source_path, timestamp, host, service, severity, asset_id, facility, message_raw,"
            + " structured_fields, correlation_keys, metadata, received_at, status, failure_reason, parser_name,"
            + " parser_version, attempts, last_attempt_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    static final String UPSERT_EVENT = "INSERT OR REPLACE INTO canonical_events (id, tenant_id, source_type,"
            + " source_id, source_path, timestamp, host, service, severity, facility, message, event_family,"
            + " signature_id, structured_fields, field_sources, parser_name, parser_version, created_at)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private HotPathInserts() {
    }

    static void insertEnvelopes(Connection connection, Collection<RawEnvelopeRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(INSERT_ENVELOPE)) {
            for (RawEnvelopeRow r : rows) {
                ps.setLong(1, r.id());
                ps.setString(2, r.tenantId());
                text(ps, 3, r.sourceType());
                text(ps, 4, r.sourceId());
                text(ps, 5, r.sourceName());
                text(ps, 6, r.sourcePath());
                text(ps, 7, r.timestamp());
                text(ps, 8, r.host());
                text(ps, 9, r.service());
                text(ps, 10, r.severity());
                text(ps, 11, r.assetId());
                text(ps, 12, r.facility());
                text(ps, 13, r.messageRaw());
                ps.setString(14, r.structuredFields());
                ps.setString(15, r.correlationKeys());
                ps.setString(16, r.metadata());
                ps.setString(17, r.receivedAt());
                ps.setString(18, r.status());
                text(ps, 19, r.failureReason());
                text(ps, 20, r.parserName());
                text(ps, 21, r.parserVersion());
                ps.setInt(22, r.attempts());
                text(ps, 23, r.lastAttemptAt());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StorageException("cannot insert raw envelopes: " + e.getMessage(), e);
        }
    }

    static void upsertEvents(Connection connection, Collection<CanonicalEventRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(UPSERT_EVENT)) {
            for (CanonicalEventRow r : rows) {
                ps.setLong(1, r.id());
                ps.setString(2, r.tenantId());
                text(ps, 3, r.sourceType());
                text(ps, 4, r.sourceId());
                text(ps, 5, r.sourcePath());
                ps.setString(6, r.timestamp());
                text(ps, 7, r.host());
                text(ps, 8, r.service());
                ps.setString(9, r.severity());
                text(ps, 10, r.facility());
                ps.setString(11, r.message());
                ps.setString(12, r.eventFamily());
                ps.setString(13, r.signatureId());
                ps.setString(14, r.structuredFields());
                ps.setString(15, r.fieldSources());
                ps.setString(16, r.parserName());
                ps.setString(17, r.parserVersion());
                ps.setString(18, r.createdAt());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StorageException("cannot store canonical events: " + e.getMessage(), e);
        }
    }

    private static void text(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
