package io.brainstem.adapters.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.brainstem.adapters.persistence.relational.AlertSyncMapper;
import io.brainstem.adapters.persistence.relational.CanonicalEventRow;
import io.brainstem.adapters.persistence.relational.EventTallies;
import io.brainstem.adapters.persistence.relational.IntakeCursorMapper;
import io.brainstem.adapters.persistence.relational.JsonColumns;
import io.brainstem.adapters.persistence.relational.MapperAccess;
import io.brainstem.adapters.persistence.relational.RawEnvelopeRow;
import io.brainstem.adapters.persistence.relational.ReviewMapper;
import io.brainstem.adapters.persistence.relational.SignatureMapper;
import io.brainstem.adapters.persistence.relational.TallyMapper;
import io.brainstem.application.port.out.CommitTelemetry;
import io.brainstem.application.port.out.StorageException;
import io.brainstem.application.port.out.UnitOfWork;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.event.CanonicalEvent;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;

/**
 * One PostgreSQL database (or one schema of it): migrated with Flyway on open, a HikariCP pool, and the unit of
 * work. A write is one transaction on one pooled connection; this process's writes take turns, so that they commit
 * in the order their work ran. Envelopes received in a write are held and inserted at commit with their outcome
 * and event, one COPY per batch instead of an INSERT and two UPDATEs per event; the other statements of a write
 * are sent as JDBC batches when it commits or reads (MyBatis' batch executor).
 */
final class PostgresDatabase implements MapperAccess, UnitOfWork, AutoCloseable {

    private final HikariDataSource pool;
    private final SqlSessionFactory sessions;
    private final ReentrantLock writeTurn = new ReentrantLock(true);
    private final ThreadLocal<Tx> current = new ThreadLocal<>();
    private final String description;
    /** Bumped by every write that rolls back: state cached from it may have run ahead of the database. */
    private final java.util.concurrent.atomic.AtomicLong stateEpoch = new java.util.concurrent.atomic.AtomicLong();

    /** Attempts of a write that another node's write deadlocked with or that could not be serialized. */
    static final int ATTEMPTS = 3;
    private final CommitTelemetry telemetry;

    /** The unit of work on this thread: its session and, when writing, the envelopes held until commit. */
    private static final class Tx {
        final SqlSession session;
        final boolean writing;
        final Map<Long, Held> held = new LinkedHashMap<>();
        final Map<String, Long> claims = new java.util.HashMap<>();
        /** The changes to {@code event_tallies} of this write, applied just before it commits (ADR 33). */
        final EventTallies.Delta tallies = new EventTallies.Delta();

        Tx(SqlSession session, boolean writing) {
            this.session = session;
            this.writing = writing;
        }
    }

    /** An envelope received in this write, with its latest outcome and, once canonicalized, its event. */
    private static final class Held {
        RawEnvelope envelope;
        CanonicalEvent event;

        Held(RawEnvelope envelope) {
            this.envelope = envelope;
        }
    }

    PostgresDatabase(PostgresAddress address) {
        this(address, CommitTelemetry.NONE);
    }

    /** Reporting every write's flush and commit to {@code telemetry}. */
    PostgresDatabase(PostgresAddress address, CommitTelemetry telemetry) {
        this.telemetry = telemetry;
        this.description = address.describe();
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(address.jdbcUrl());
        address.user().ifPresent(hikari::setUsername);
        address.password().ifPresent(hikari::setPassword);
        hikari.setPoolName("brainstem-postgres");
        hikari.setMaximumPoolSize(address.poolSize());
        hikari.setMinimumIdle(1);
        hikari.setAutoCommit(false);
        hikari.setInitializationFailTimeout(-1);
        hikari.addDataSourceProperty("ApplicationName", "brainstem");
        try {
            this.pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StorageException("cannot reach PostgreSQL at " + description + ": " + rootMessage(e), e);
        }
        try {
            migrate(address);
            Configuration config = new Configuration(new Environment("postgres", new JdbcTransactionFactory(), pool));
            config.setMapUnderscoreToCamelCase(true);
            config.setArgNameBasedConstructorAutoMapping(true);
            config.addMapper(EventMapper.class);
            config.addMapper(SignatureMapper.class);
            config.addMapper(CandidateMapper.class);
            config.addMapper(IncidentMapper.class);
            config.addMapper(ReviewMapper.class);
            config.addMapper(IntakeCursorMapper.class);
            config.addMapper(io.brainstem.adapters.persistence.relational.IdempotencyMapper.class);
            config.addMapper(AlertSyncMapper.class);
            config.addMapper(InspectionMapper.class);
            config.addMapper(TenantClaimMapper.class);
            config.addMapper(TallyMapper.class);
            this.sessions = new SqlSessionFactoryBuilder().build(config);
        } catch (RuntimeException e) {
            pool.close();
            throw e instanceof StorageException s ? s
                    : new StorageException("cannot open PostgreSQL at " + description + ": " + rootMessage(e), e);
        }
    }

    private void migrate(PostgresAddress address) {
        try {
            // its own connections, not the pool's: Flyway holds several at once while it migrates
            var flyway = Flyway.configure()
                    .dataSource(address.jdbcUrl(), address.user().orElse(null), address.password().orElse(null))
                    .locations("classpath:db/migration/postgresql").table("schema_version");
            address.schema().ifPresent(s -> flyway.schemas(s).defaultSchema(s).createSchemas(true));
            flyway.load().migrate();
        } catch (RuntimeException e) {
            throw new StorageException("cannot migrate PostgreSQL at " + description + ": " + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    String describe() {
        return description;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        Tx joined = current.get();
        if (joined != null) {
            if (!joined.writing) {
                throw new IllegalStateException("a write cannot start inside a read");
            }
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return writeOnce(work);
            } catch (StorageException e) {
                // the work may run again (UnitOfWork#writeAhead): the epoch has moved, so cached state is reloaded
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
            }
        }
    }

    private <T> T writeOnce(Supplier<T> work) {
        writeTurn.lock();
        SqlSession session = null;
        boolean committed = false;
        try {
            session = sessions.openSession(ExecutorType.BATCH, false);
            Tx tx = new Tx(session, true);
            current.set(tx);
            T result = work.get();
            long start = System.nanoTime();
            flush(tx);
            if (!tx.tallies.isEmpty()) {
                // last, in key order: the rows stay locked only until the commit, and two writes never lock two of
                // them in opposite order
                tx.tallies.apply(session.getMapper(TallyMapper.class), new TallyUpserts(session));
            }
            session.commit(true);
            committed = true;
            telemetry.committed(1, System.nanoTime() - start);
            return result;
        } catch (PersistenceException e) {
            throw new StorageException("PostgreSQL write failed: " + rootMessage(e), e);
        } finally {
            if (!committed) {
                stateEpoch.incrementAndGet();
                rollback(session);
                telemetry.failed(1);
            }
            current.remove();
            if (session != null) {
                session.close();
            }
            writeTurn.unlock();
        }
    }

    /** A deadlock with another node's write (40P01) or a serialization failure (40001): worth another try. */
    private static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long stateEpoch() {
        return stateEpoch.get();
    }

    @Override
    public long claimTenant(io.brainstem.domain.envelope.TenantId tenant) {
        Tx tx = tx();
        if (!tx.writing) {
            throw new IllegalStateException("a tenant is claimed by a write");
        }
        return tx.claims.computeIfAbsent(tenant.value(),
                t -> tx.session.getMapper(TenantClaimMapper.class).claim(t));
    }

    private static void rollback(SqlSession session) {
        if (session != null) {
            try {
                session.rollback(true);
            } catch (RuntimeException ignored) {
                // the connection is gone: closing it returns nothing to the pool and loses nothing committed
            }
        }
    }

    @Override
    public <T> T read(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        SqlSession session = null;
        try {
            session = sessions.openSession(false);
            try (Statement s = session.getConnection().createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            current.set(new Tx(session, false));
            T result = work.get();
            session.commit(true);
            return result;
        } catch (PersistenceException | SQLException e) {
            throw new StorageException("PostgreSQL read failed: " + rootMessage(e), e);
        } finally {
            current.remove();
            if (session != null) {
                session.close();
            }
        }
    }

    private Tx tx() {
        Tx tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("storage used outside a unit of work");
        }
        return tx;
    }

    /**
     * A mapper of this unit of work's session. Reads of {@code events} call {@link #flushHeld()} first, so that they
     * see the envelopes held so far; reads of the other tables leave them held, so that a write that looks up
     * signatures between receiving and canonicalizing still inserts each envelope once, with its event.
     */
    @Override
    public <M> M mapper(Class<M> type) {
        return tx().session.getMapper(type);
    }

    /** The mapper of {@code events}, after the held envelopes are inserted. */
    EventMapper events() {
        flushHeld();
        return mapper(EventMapper.class);
    }

    /** Inserts the envelopes held so far, so that what follows in this unit of work reads them. */
    void flushHeld() {
        flush(tx());
    }

    /** Writes run at once, in this unit of work's transaction (sent as one JDBC batch at its next read or commit). */
    @Override
    public void later(Consumer<SqlSession> op) {
        Tx tx = tx();
        if (!tx.writing) {
            throw new IllegalStateException("repository write outside a write unit of work");
        }
        op.accept(tx.session);
    }

    /** Ids for {@code n} new envelopes, ascending, from the database's sequence: unique across nodes. */
    List<Long> allocateIds(int n) {
        return tx().session.getMapper(EventMapper.class).nextIds(n);
    }

    void holdReceived(RawEnvelope envelope) {
        Tx tx = tx();
        if (!tx.writing) {
            throw new IllegalStateException("envelopes are received in a write");
        }
        tx.held.put(envelope.id().value(), new Held(envelope));
    }

    /** Keeps the outcome with the held envelope; false when the envelope was not received in this write. */
    boolean holdOutcome(RawEnvelope envelope) {
        Held held = tx().held.get(envelope.id().value());
        if (held == null) {
            return false;
        }
        held.envelope = envelope;
        return true;
    }

    /** Keeps the event with its held envelope; false when the envelope was not received in this write. */
    boolean holdEvent(CanonicalEvent event) {
        Held held = tx().held.get(event.id().value());
        if (held == null) {
            return false;
        }
        if (!event.isFrom(held.envelope)) {
            throw new StorageException("canonical event " + event.id().value()
                    + " belongs to no stored envelope of its tenant and source");
        }
        held.event = event;
        return true;
    }

    private void flush(Tx tx) {
        if (tx.held.isEmpty()) {
            return;
        }
        List<EventCopy.Row> rows = new ArrayList<>(tx.held.size());
        for (Held h : tx.held.values()) {
            rows.add(new EventCopy.Row(RawEnvelopeRow.from(h.envelope), h.event == null ? null
                    : CanonicalEventRow.from(h.event, JsonColumns.write(h.event.fieldSources()))));
        }
        tx.held.clear();
        EventCopy.copy(tx.session.getConnection(), rows);
        for (EventCopy.Row r : rows) {
            RawEnvelopeRow e = r.env();
            tx.tallies.add(e.tenantId(), e.sourceType(), e.sourceId(), e.sourceName(), e.sourcePath(),
                    r.ev() == null ? null : r.ev().host(), e.status(), e.receivedAt());
        }
    }

    /**
     * The upserts of {@code event_tallies} and {@code host_tallies} (ADR 33), one statement each over arrays, in the
     * order given (key order): a batch touches up to a few hundred hosts, and a statement per key cost a round of
     * parse, bind and execute each. The same upserts as TallyMapper.xml's {@code add}.
     */
    private static final String UPSERT_TALLIES = """
            INSERT INTO event_tallies (tenant_id, source_type, source_id, source_name, source_path, status, absent,
                                       events, last_received_at)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[],
                                 ?::bigint[], ?::bigint[])
            ON CONFLICT (tenant_id, source_type, source_id, source_name, source_path, status, absent) DO UPDATE
               SET events = event_tallies.events + excluded.events,
                   last_received_at = CASE
                       WHEN excluded.last_received_at IS NULL THEN event_tallies.last_received_at
                       WHEN event_tallies.last_received_at IS NULL
                            OR event_tallies.last_received_at < excluded.last_received_at
                           THEN excluded.last_received_at
                       ELSE event_tallies.last_received_at END
            """;

    private static final String UPSERT_HOSTS = """
            INSERT INTO host_tallies (tenant_id, host, events)
            SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[])
            ON CONFLICT (tenant_id, host) DO UPDATE SET events = host_tallies.events + excluded.events
            """;

    /** Sends the upserts of a write's tallies on its session's connection, after what MyBatis batched so far. */
    private record TallyUpserts(SqlSession session) implements EventTallies.Upserts {

        @Override
        public void tallies(List<EventTallies.TallyRow> rows) {
            if (rows.isEmpty()) {
                return;
            }
            int n = rows.size();
            Object[][] columns = new Object[9][];
            columns[0] = rows.stream().map(EventTallies.TallyRow::tenantId).toArray(String[]::new);
            columns[1] = rows.stream().map(EventTallies.TallyRow::sourceType).toArray(String[]::new);
            columns[2] = rows.stream().map(EventTallies.TallyRow::sourceId).toArray(String[]::new);
            columns[3] = rows.stream().map(EventTallies.TallyRow::sourceName).toArray(String[]::new);
            columns[4] = rows.stream().map(EventTallies.TallyRow::sourcePath).toArray(String[]::new);
            columns[5] = rows.stream().map(EventTallies.TallyRow::status).toArray(String[]::new);
            columns[6] = rows.stream().map(EventTallies.TallyRow::absent).toArray(Integer[]::new);
            columns[7] = rows.stream().map(EventTallies.TallyRow::events).toArray(Long[]::new);
            columns[8] = rows.stream().map(EventTallies.TallyRow::lastReceivedAt).toArray(Long[]::new);
            run(UPSERT_TALLIES, columns, "text", "text", "text", "text", "text", "text", "integer", "bigint",
                    "bigint");
        }

        @Override
        public void hosts(List<EventTallies.HostRow> rows) {
            if (rows.isEmpty()) {
                return;
            }
            run(UPSERT_HOSTS, new Object[][] {
                rows.stream().map(EventTallies.HostRow::tenantId).toArray(String[]::new),
                rows.stream().map(EventTallies.HostRow::host).toArray(String[]::new),
                rows.stream().map(EventTallies.HostRow::events).toArray(Long[]::new)}, "text", "text", "bigint");
        }

        private void run(String sql, Object[][] columns, String... types) {
            session.flushStatements();
            java.sql.Connection c = session.getConnection();
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                for (int k = 0; k < columns.length; k++) {
                    ps.setArray(k + 1, c.createArrayOf(types[k], columns[k]));
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StorageException("cannot count events: " + e.getMessage(), e);
            }
        }
    }

    /** The changes to {@code event_tallies} of this write. */
    EventTallies.Delta tallies() {
        return tx().tallies;
    }

    /**
     * Runs {@code updates}, which change the stored rows {@code ids} (a replay): they are locked and counted out of
     * the tallies first, as they are, and counted in again as {@code updates} left them (ADR 33). The lock keeps
     * another node's retention from deleting them in between.
     */
    void rewrite(List<Long> ids, Runnable updates) {
        Tx tx = tx();
        flush(tx);
        TallyMapper mapper = tx.session.getMapper(TallyMapper.class);
        tx.tallies.left(mapper.ofIds(ids, true));
        updates.run();
        tx.session.flushStatements();
        tx.tallies.added(mapper.ofIds(ids, false));
    }

    @Override
    public void close() {
        pool.close();
    }
}
