package io.brainstem.adapters.persistence.postgres;

import io.brainstem.adapters.persistence.relational.StoreTables;
import io.brainstem.adapters.persistence.relational.StoreTables.Table;
import io.brainstem.application.port.out.StorageException;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * A PostgreSQL database written as {@link StoreTables}: the target of {@code bin/brainstem migrate}. The schema is
 * migrated first; events are written by COPY, one transaction per chunk, and the id sequence follows them; the
 * other tables go through a temporary table so that rows already there (a resumed copy) stay as they are.
 */
public final class PostgresTableTarget implements StoreTables.Target {

    private final Connection connection;
    private final String describe;

    public PostgresTableTarget(PostgresAddress address) {
        new PostgresStorage(address).close(); // connects and migrates, or says why not
        this.describe = address.describe();
        try {
            this.connection = DriverManager.getConnection(address.jdbcUrl(), address.user().orElse(null),
                    address.password().orElse(null));
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new StorageException("cannot connect to " + describe + ": " + e.getMessage(), e);
        }
    }

    /** Counts the events of ids {@code ?..?} in {@code event_tallies} (ADR 33), as the migration V4 does. */
    private static final String TALLY_COPIED = """
            INSERT INTO event_tallies (tenant_id, source_type, source_id, source_name, source_path, status, absent,
                                       events, last_received_at)
            SELECT e.tenant_id, COALESCE(e.source_type, ''), COALESCE(e.source_id, ''), COALESCE(e.source_name, ''),
                   COALESCE(e.source_path, ''), e.status,
                   CASE WHEN e.source_type IS NULL THEN 1 ELSE 0 END + CASE WHEN e.source_id IS NULL THEN 2 ELSE 0 END
                       + CASE WHEN e.source_name IS NULL THEN 4 ELSE 0 END
                       + CASE WHEN e.source_path IS NULL THEN 8 ELSE 0 END,
                   COUNT(*), MAX(e.received_at)
              FROM events e
             WHERE e.id BETWEEN ? AND ?
             GROUP BY e.tenant_id, e.source_type, e.source_id, e.source_name, e.source_path, e.status
            ON CONFLICT (tenant_id, source_type, source_id, source_name, source_path, status, absent) DO UPDATE
               SET events = event_tallies.events + excluded.events,
                   last_received_at = GREATEST(event_tallies.last_received_at, excluded.last_received_at)
            """;

    /** And in {@code host_tallies}. */
    private static final String TALLY_HOSTS_COPIED = """
            INSERT INTO host_tallies (tenant_id, host, events)
            SELECT tenant_id, host, COUNT(*) FROM events WHERE id BETWEEN ? AND ? AND host IS NOT NULL
             GROUP BY tenant_id, host
            ON CONFLICT (tenant_id, host) DO UPDATE SET events = host_tallies.events + excluded.events
            """;

    @Override
    public long maxEventId() {
        return single("SELECT COALESCE(MAX(id), 0) FROM events");
    }

    @Override
    public void writeEvents(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            copy("COPY events (" + String.join(", ", StoreTables.EVENTS.columns()) + ") FROM STDIN", rows);
            try (Statement st = connection.createStatement()) {
                st.execute("SELECT setval('events_id_seq', GREATEST((SELECT MAX(id) FROM events), 1))");
            }
            for (String tally : List.of(TALLY_COPIED, TALLY_HOSTS_COPIED)) {
                // the chunk's ids ascend and are new: what they count joins the tallies in the same transaction
                try (java.sql.PreparedStatement ps = connection.prepareStatement(tally)) {
                    ps.setLong(1, ((Number) rows.getFirst()[0]).longValue());
                    ps.setLong(2, ((Number) rows.getLast()[0]).longValue());
                    ps.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | IOException e) {
            rollback();
            throw new StorageException("cannot write events to " + describe + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void writeRows(Table table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String columns = String.join(", ", table.columns());
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE copy_in (LIKE " + table.name() + " INCLUDING DEFAULTS) ON COMMIT DROP");
            copy("COPY copy_in (" + columns + ") FROM STDIN", rows);
            String select = table.name().equals("candidates")
                    ? columns.replace("evidence", "evidence::jsonb") : columns;
            st.execute("INSERT INTO " + table.name() + " (" + columns + ") SELECT " + select
                    + " FROM copy_in ON CONFLICT DO NOTHING");
            connection.commit();
        } catch (SQLException | IOException e) {
            rollback();
            throw new StorageException("cannot write " + table.name() + " to " + describe + ": " + e.getMessage(), e);
        }
    }

    private void copy(String sql, List<Object[]> rows) throws SQLException, IOException {
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(EventCopy.text(rows)));
    }

    @Override
    public long count(Table table) {
        return single("SELECT COUNT(*) FROM " + table.name());
    }

    private long single(String sql) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long v = rs.getLong(1);
            connection.commit();
            return v;
        } catch (SQLException e) {
            rollback();
            throw new StorageException(sql + " failed on " + describe + ": " + e.getMessage(), e);
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; nothing was committed
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing to keep
        }
    }
}
