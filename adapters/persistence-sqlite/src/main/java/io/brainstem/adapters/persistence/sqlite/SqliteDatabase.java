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
        migrate(url);
        this.writerPool = pool(url, true, 1);
        this.readerPool = pool(url, false, READERS);
        this.writers = factory(writerPool, "writer");
        this.readers = factory(readerPool, "reader");
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
        if (writer) {
            props.setProperty("transaction_mode", "IMMEDIATE");
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
                noteExternalCommits(session);
                T result = work.get();
                session.commit(true);
                return result;
            } catch (RuntimeException e) {
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
    private void noteExternalCommits(SqlSession session) {
        try (java.sql.Statement st = session.getConnection().createStatement();
                java.sql.ResultSet rs = st.executeQuery("PRAGMA data_version")) {
            long version = rs.next() ? rs.getLong(1) : 0;
            if (lastDataVersion != Long.MIN_VALUE && version != lastDataVersion) {
                externalCommits++;
            }
            lastDataVersion = version;
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

    /** The mapper of the calling thread's unit of work. */
    <M> M mapper(Class<M> type) {
        SqlSession session = current.get();
        if (session == null) {
            throw new IllegalStateException("repository used outside a unit of work");
        }
        return session.getMapper(type);
    }

    @Override
    public void close() {
        writerPool.forceCloseAll();
        readerPool.forceCloseAll();
    }
}
