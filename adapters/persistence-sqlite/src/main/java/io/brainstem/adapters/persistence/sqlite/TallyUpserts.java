package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.EventTallies;
import io.brainstem.adapters.persistence.relational.EventTallies.HostRow;
import io.brainstem.adapters.persistence.relational.EventTallies.TallyRow;
import io.brainstem.application.port.out.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The upserts of {@code event_tallies} and {@code host_tallies} at commit (ADR 33) as plain JDBC, up to
 * {@link #ROWS_PER_STATEMENT} keys to a statement kept prepared: a batch of syslog touches up to a few hundred hosts,
 * and MyBatis' binding per statement cost more than SQLite's upsert (as for the events themselves, ADR 7).
 */
final class TallyUpserts implements EventTallies.Upserts {

    static final int ROWS_PER_STATEMENT = 50;

    /** The same upsert as TallyMapper.xml's {@code add}. */
    private static final String TALLY = "INSERT INTO event_tallies (tenant_id, source_type, source_id, source_name,"
            + " source_path, status, absent, events, last_received_at) VALUES %s"
            + " ON CONFLICT (tenant_id, source_type, source_id, source_name, source_path, status, absent)"
            + " DO UPDATE SET events = event_tallies.events + excluded.events,"
            + " last_received_at = CASE WHEN excluded.last_received_at IS NULL THEN event_tallies.last_received_at"
            + " WHEN event_tallies.last_received_at IS NULL"
            + " OR event_tallies.last_received_at < excluded.last_received_at THEN excluded.last_received_at"
            + " ELSE event_tallies.last_received_at END";
    private static final String TALLY_ROW = "(?,?,?,?,?,?,?,?,?)";
    private static final String HOST = "INSERT INTO host_tallies (tenant_id, host, events) VALUES %s"
            + " ON CONFLICT (tenant_id, host) DO UPDATE SET events = host_tallies.events + excluded.events";
    private static final String HOST_ROW = "(?,?,?)";

    private final HotPathInserts.Statements statements;
    private final Connection connection;

    TallyUpserts(HotPathInserts.Statements statements, Connection connection) {
        this.statements = statements;
        this.connection = connection;
    }

    private interface Binder<R> {
        void bind(PreparedStatement ps, int at, R row) throws SQLException;
    }

    @Override
    public void tallies(List<TallyRow> rows) {
        upsert(TALLY, TALLY_ROW, 9, rows, TallyUpserts::bindTally);
    }

    @Override
    public void hosts(List<HostRow> rows) {
        upsert(HOST, HOST_ROW, 3, rows, (ps, at, r) -> {
            ps.setString(at + 1, r.tenantId());
            ps.setString(at + 2, r.host());
            ps.setLong(at + 3, r.events());
        });
    }

    private <R> void upsert(String sql, String row, int width, List<R> rows, Binder<R> binder) {
        if (rows.isEmpty()) {
            return;
        }
        int grouped = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        try {
            if (grouped > 0) {
                PreparedStatement ps = statements.prepare(connection,
                        sql.formatted((row + ",").repeat(ROWS_PER_STATEMENT - 1) + row));
                for (int start = 0; start < grouped; start += ROWS_PER_STATEMENT) {
                    for (int k = 0; k < ROWS_PER_STATEMENT; k++) {
                        binder.bind(ps, k * width, rows.get(start + k));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (grouped < rows.size()) {
                PreparedStatement ps = statements.prepare(connection, sql.formatted(row));
                for (int k = grouped; k < rows.size(); k++) {
                    binder.bind(ps, 0, rows.get(k));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot count events: " + e.getMessage(), e);
        }
    }

    private static void bindTally(PreparedStatement ps, int at, TallyRow r) throws SQLException {
        ps.setString(at + 1, r.tenantId());
        ps.setString(at + 2, r.sourceType());
        ps.setString(at + 3, r.sourceId());
        ps.setString(at + 4, r.sourceName());
        ps.setString(at + 5, r.sourcePath());
        ps.setString(at + 6, r.status());
        ps.setInt(at + 7, r.absent());
        ps.setLong(at + 8, r.events());
        if (r.lastReceivedAt() == null) {
            ps.setNull(at + 9, Types.BIGINT);
        } else {
            ps.setLong(at + 9, r.lastReceivedAt());
        }
    }
}
