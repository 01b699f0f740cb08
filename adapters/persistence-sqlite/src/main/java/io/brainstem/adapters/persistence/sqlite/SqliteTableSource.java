package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.StoreTables;
import io.brainstem.adapters.persistence.relational.StoreTables.Table;
import io.brainstem.application.port.out.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQLite database read as {@link StoreTables}, for copying it into another store. Events come out in full: the
 * message a compact row keeps as an offset into the raw message, and the field sources it keeps as the id of a
 * shared set (ADR 14), are expanded as the canonical-event reads do. Opened read-only; brainstem may keep serving.
 */
public final class SqliteTableSource implements StoreTables.Source {

    private static final String EVENTS = "SELECT id, tenant_id, source_type, source_id, source_name, source_path,"
            + " message_raw, sent_fields, received_at, status, failure_reason, parser_name, parser_version, attempts,"
            + " last_attempt_at, timestamp, host, service, severity, facility,"
            + " CASE WHEN typeof(message) = 'integer' THEN substr(message_raw, message + 1) ELSE message END,"
            + " event_family, signature_id, structured_fields,"
            + " (SELECT f.json FROM field_source_sets f WHERE f.id = events.field_sources),"
            + " event_parser_name, event_parser_version, created_at"
            + " FROM events WHERE id > ? ORDER BY id LIMIT ?";

    private final Connection connection;

    public SqliteTableSource(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StorageException("no SQLite database at " + file);
        }
        try {
            this.connection = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
        } catch (SQLException e) {
            throw new StorageException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Object[]> events(long afterId, int limit) {
        try (PreparedStatement ps = connection.prepareStatement(EVENTS)) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            return read(ps, StoreTables.EVENTS.columns().size());
        } catch (SQLException e) {
            throw new StorageException("cannot read events: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Object[]> rows(Table table) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + String.join(", ", table.columns())
                + " FROM " + table.name())) {
            return read(ps, table.columns().size());
        } catch (SQLException e) {
            throw new StorageException("cannot read " + table.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long count(Table table) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM " + table.name());
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StorageException("cannot count " + table.name() + ": " + e.getMessage(), e);
        }
    }

    private static List<Object[]> read(PreparedStatement ps, int columns) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // read-only: nothing to lose
        }
    }
}
