package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.application.port.out.StorageException;
import io.brainstem.application.port.out.UnitOfWork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;

/**
 * One SQLite file: migrated with Flyway on open, WAL journal, one writer connection whose transactions
 * begin IMMEDIATE (so another process writing the same file waits instead of failing), and a small
 * pool of readers. Writes are serialized by a lock; a unit of work binds its MyBatis session to the
 * calling thread so that repository calls join it.
 */
final class SqliteDatabase implements UnitOfWork, AutoCloseable {

    private static final int READERS = 4;

    private final Path file;
    private final SqlSessionFactory writers;
    private final SqlSessionFactory readers;
    private final PooledDataSource writerPool;
    private final PooledDataSource readerPool;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ThreadLocal<SqlSession> current = new ThreadLocal<>();
    private final String url;
    /** Envelopes received in the current write transaction, inserted with their outcome and event (below). */
    private final java.util.Map<Long, HotPathInserts.Pending> pendingEnvelopes = new java.util.LinkedHashMap<>();
    private final EventBlocks blocks = new EventBlocks();
    private long lastDataVersion = Long.MIN_VALUE;
    private long externalCommits;

    SqliteDatabase(Path file) {
        this.file = file.toAbsolutePath().normalize();
        try {
            Path parent = this.file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StorageException("cannot create the directory of " + this.file, e);
        }
        String url = "jdbc:sqlite:" + this.file;
        this.url = url;
        migrate(url);
        this.writerPool = pool(url, true, 1);
        this.readerPool = pool(url, false, READERS);
        this.writers = factory(writerPool, "writer");
        this.readers = factory(readerPool, "reader");
        // only a file upgraded by V4 has pending blocks: other opens take no write lock
        if (!read(() -> EventBlocks.pendingBlocks(connection())).isEmpty()) {
            write(() -> {
                blocks.rebuildPending(connection());
                return null;
            });
        }
    }

    private void checkpoint(String url, String mode) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            st.execute("PRAGMA wal_checkpoint(" + mode + ")");
        } catch (java.sql.SQLException e) {
            System.getLogger(SqliteDatabase.class.getName()).log(System.Logger.Level.WARNING,
                    "checkpoint of " + file + " failed: " + e.getMessage());
        }
    }

    private static void migrate(String url) {
        try {
            Flyway.configure()
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration/sqlite")
                    .table("schema_version")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new StorageException("cannot migrate the schema of " + url + ": " + e.getMessage(), e);
        }
    }

    private static PooledDataSource pool(String url, boolean writer, int size) {
        Properties props = new Properties();
        props.setProperty("journal_mode", "WAL");
        props.setProperty("synchronous", "NORMAL");
        props.setProperty("busy_timeout", "10000");
        props.setProperty("foreign_keys", "false");
        props.setProperty("cache_size", Integer.toString(writer ? -32_768 : -8_192)); // KiB: 32 MiB / 8 MiB each
        props.setProperty("temp_store", "MEMORY");
        if (writer) {
            props.setProperty("transaction_mode", "IMMEDIATE");
            // SQLite's own auto-checkpoint (every 1000 pages) keeps the WAL small, so readers stay fast;
            // a background checkpointer let it grow to gigabytes under sustained ingest (bench/README.md)
            props.setProperty("journal_size_limit", Long.toString(64L * 1024 * 1024));
        }
        PooledDataSource ds = new PooledDataSource("org.sqlite.JDBC", url, props);
        ds.setPoolMaximumActiveConnections(size);
        ds.setPoolMaximumIdleConnections(size);
        ds.setDefaultAutoCommit(false);
        return ds;
    }

    private static SqlSessionFactory factory(PooledDataSource ds, String name) {
        Configuration config = new Configuration(new Environment(name, new JdbcTransactionFactory(), ds));
        config.setMapUnderscoreToCamelCase(true);
        config.setArgNameBasedConstructorAutoMapping(true);
        config.setCacheEnabled(false);
        config.setLocalCacheScope(org.apache.ibatis.session.LocalCacheScope.STATEMENT);
        config.addMapper(RawEnvelopeMapper.class);
        config.addMapper(CanonicalEventMapper.class);
        config.addMapper(SignatureMapper.class);
        config.addMapper(CandidateMapper.class);
        config.addMapper(InspectionMapper.class);
        config.addMapper(IntakeCursorMapper.class);
        return new SqlSessionFactoryBuilder().build(config);
    }

    Path file() {
        return file;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        writeLock.lock();
        try (SqlSession session = writers.openSession(ExecutorType.BATCH, false)) {
            current.set(session);
            try {
                if (noteExternalCommits(session)) {
                    blocks.forgetWriterState();
                }
                pendingEnvelopes.clear();
                T result = work.get();
                flushPendingEnvelopes(session);
                blocks.writeTouched(session.getConnection());
                session.commit(true);
                return result;
            } catch (RuntimeException e) {
                pendingEnvelopes.clear();
                blocks.rolledBack();
                session.rollback(true);
                throw wrap(e);
            }
        } finally {
            current.remove();
            writeLock.unlock();
        }
    }

    @Override
    public <T> T read(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        try (SqlSession session = readers.openSession(ExecutorType.REUSE, false)) {
            current.set(session);
            try {
                T result = work.get();
                session.rollback(true);
                return result;
            } catch (RuntimeException e) {
                throw wrap(e);
            }
        } finally {
            current.remove();
        }
    }

    /**
     * SQLite's {@code PRAGMA data_version} changes on a connection when another connection — here, only
     * another process, since this is the only writer in-process — committed in between.
     */
    private boolean noteExternalCommits(SqlSession session) {
        try (java.sql.Statement st = session.getConnection().createStatement();
                java.sql.ResultSet rs = st.executeQuery("PRAGMA data_version")) {
            long version = rs.next() ? rs.getLong(1) : 0;
            boolean changed = lastDataVersion != Long.MIN_VALUE && version != lastDataVersion;
            if (changed) {
                externalCommits++;
            }
            lastDataVersion = version;
            return changed;
        } catch (java.sql.SQLException e) {
            throw new StorageException("cannot read the data version of " + file, e);
        }
    }

    @Override
    public long externalCommits() {
        return externalCommits;
    }

    private static RuntimeException wrap(RuntimeException e) {
        if (e.getClass().getName().startsWith("org.apache.ibatis")) {
            return new StorageException("storage failure: " + e.getMessage(), e);
        }
        return e;
    }

    /** The JDBC connection of the calling thread's unit of work (for {@link HotPathInserts}, {@link EventBlocks}). */
    java.sql.Connection connection() {
        SqlSession session = current.get();
        if (session == null) {
            throw new IllegalStateException("repository used outside a unit of work");
        }
        return session.getConnection();
    }

    /** The mapper of the calling thread's unit of work. */
    <M> M mapper(Class<M> type) {
        SqlSession session = current.get();
        if (session == null) {
            throw new IllegalStateException("repository used outside a unit of work");
        }
        return session.getMapper(type);
    }

    /**
     * Envelopes received in this transaction are inserted once, at commit, with their outcome and canonical
     * event: one row write per event instead of insert-then-update; within one transaction the two are
     * indistinguishable (ADR 7, ADR 12).
     */
    private void flushPendingEnvelopes(SqlSession session) {
        if (!pendingEnvelopes.isEmpty()) {
            HotPathInserts.insert(session.getConnection(), pendingEnvelopes.values(), blocks);
            pendingEnvelopes.clear();
        }
    }

    /** Called by the envelope repository: holds a received envelope until the transaction commits. */
    void holdReceived(io.brainstem.domain.envelope.RawEnvelope envelope) {
        pendingEnvelopes.put(envelope.id().value(), new HotPathInserts.Pending(envelope));
    }

    /** Keeps a held envelope with its outcome until commit; false when it was stored earlier. */
    boolean holdOutcome(io.brainstem.domain.envelope.RawEnvelope envelope) {
        HotPathInserts.Pending pending = pendingEnvelopes.get(envelope.id().value());
        if (pending == null) {
            return false;
        }
        pending.envelope = envelope;
        return true;
    }

    /** Attaches a canonical event to its held envelope; false when the envelope was stored earlier. */
    boolean holdEvent(io.brainstem.domain.event.CanonicalEvent event) {
        HotPathInserts.Pending pending = pendingEnvelopes.get(event.id().value());
        if (pending == null) {
            return false;
        }
        if (!event.isFrom(pending.envelope)) {
            throw HotPathInserts.mismatch(event.id().value());
        }
        pending.event = event;
        return true;
    }

    EventBlocks blocks() {
        return blocks;
    }

    /** Inserts the held envelopes now, so that a query of events in this transaction sees them. */
    void flushHeld() {
        SqlSession session = current.get();
        if (session != null && writeLock.isHeldByCurrentThread()) {
            flushPendingEnvelopes(session);
        }
    }

    @Override
    public void close() {
        checkpoint(url, "TRUNCATE");
        writerPool.forceCloseAll();
        readerPool.forceCloseAll();
    }
}
