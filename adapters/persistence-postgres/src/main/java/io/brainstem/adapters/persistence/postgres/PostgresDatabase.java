package io.brainstem.adapters.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.brainstem.adapters.persistence.relational.CanonicalEventRow;
import io.brainstem.adapters.persistence.relational.IntakeCursorMapper;
import io.brainstem.adapters.persistence.relational.JsonColumns;
import io.brainstem.adapters.persistence.relational.MapperAccess;
import io.brainstem.adapters.persistence.relational.RawEnvelopeRow;
import io.brainstem.adapters.persistence.relational.ReviewMapper;
import io.brainstem.adapters.persistence.relational.SignatureMapper;
import io.brainstem.application.port.out.CommitTelemetry;
import io.brainstem.application.port.out.StorageException;
import io.brainstem.application.port.out.UnitOfWork;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.event.CanonicalEvent;
import java.sql.Connection;
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
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;

/**
 * One PostgreSQL database (or one schema of it): migrated with Flyway on open, a HikariCP pool, and the unit of
 * work. A write is one transaction on one pooled connection; this process's writes take turns, so that they commit
 * in the order their work ran. Envelopes received in a write are held and inserted at commit with their outcome
 * and event, one multi-row INSERT per batch instead of an INSERT and two UPDATEs per event (ADR 27).
 */
final class PostgresDatabase implements MapperAccess, UnitOfWork, AutoCloseable {

    /** Rows per multi-row INSERT: 29 parameters each, well under the protocol's 65,535. */
    static final int INSERT_CHUNK = 1_000;

    private final HikariDataSource pool;
    private final SqlSessionFactory sessions;
    private final ReentrantLock writeTurn = new ReentrantLock(true);
    private final ThreadLocal<Tx> current = new ThreadLocal<>();
    private final String description;
    private final CommitTelemetry telemetry;

    /** The unit of work on this thread: its session and, when writing, the envelopes held until commit. */
    private static final class Tx {
        final SqlSession session;
        final boolean writing;
        final Map<Long, Held> held = new LinkedHashMap<>();

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
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
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
            config.addMapper(InspectionMapper.class);
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
        writeTurn.lock();
        SqlSession session = null;
        try {
            session = sessions.openSession(false);
            Tx tx = new Tx(session, true);
            current.set(tx);
            T result = work.get();
            long start = System.nanoTime();
            flush(tx);
            session.commit(true);
            telemetry.committed(1, System.nanoTime() - start);
            return result;
        } catch (PersistenceException e) {
            rollback(session);
            telemetry.failed(1);
            throw new StorageException("PostgreSQL write failed: " + rootMessage(e), e);
        } catch (RuntimeException | Error e) {
            rollback(session);
            throw e;
        } finally {
            current.remove();
            if (session != null) {
                session.close();
            }
            writeTurn.unlock();
        }
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

    /** A mapper of this unit of work's session; envelopes held so far are inserted first, so reads see them. */
    @Override
    public <M> M mapper(Class<M> type) {
        Tx tx = tx();
        flush(tx);
        return tx.session.getMapper(type);
    }

    /** Writes run at once, in this unit of work's transaction. */
    @Override
    public void later(Consumer<SqlSession> op) {
        Tx tx = tx();
        if (!tx.writing) {
            throw new IllegalStateException("repository write outside a write unit of work");
        }
        flush(tx);
        op.accept(tx.session);
    }

    /** The connection of this unit of work, after the held envelopes are inserted. */
    Connection connection() {
        Tx tx = tx();
        flush(tx);
        return tx.session.getConnection();
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
        var c = held.envelope.content();
        if (!c.tenantId().equals(event.tenantId()) || !java.util.Objects.equals(c.sourceType(), event.sourceType())
                || !java.util.Objects.equals(c.sourceId(), event.sourceId())
                || !java.util.Objects.equals(c.sourcePath(), event.sourcePath())) {
            throw new StorageException("canonical event " + event.id().value()
                    + " belongs to no stored envelope of its tenant and source");
        }
        held.event = event;
        return true;
    }

    private static final CanonicalEventRow NO_EVENT = new CanonicalEventRow(null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null);

    private void flush(Tx tx) {
        if (tx.held.isEmpty()) {
            return;
        }
        List<EventMapper.InsertRow> rows = new ArrayList<>(Math.min(tx.held.size(), INSERT_CHUNK));
        EventMapper mapper = tx.session.getMapper(EventMapper.class);
        for (Held h : tx.held.values()) {
            rows.add(new EventMapper.InsertRow(RawEnvelopeRow.from(h.envelope), h.event == null ? NO_EVENT
                    : CanonicalEventRow.from(h.event, JsonColumns.write(h.event.fieldSources()))));
            if (rows.size() == INSERT_CHUNK) {
                mapper.insertAll(rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            mapper.insertAll(rows);
        }
        tx.held.clear();
    }

    @Override
    public void close() {
        pool.close();
    }
}
