package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.AlertSyncMapper;
import io.brainstem.adapters.persistence.relational.EventTallies;
import io.brainstem.adapters.persistence.relational.IntakeCursorMapper;
import io.brainstem.adapters.persistence.relational.MapperAccess;
import io.brainstem.adapters.persistence.relational.ReviewMapper;
import io.brainstem.adapters.persistence.relational.SignatureMapper;
import io.brainstem.adapters.persistence.relational.TallyMapper;
import io.brainstem.application.port.out.CommitTelemetry;
import io.brainstem.application.port.out.StorageException;
import io.brainstem.application.port.out.UnitOfWork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
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
 * pool of readers.
 *
 * <p>Writes are pipelined (ADR 13). The work of a write runs on the caller's thread under a lock, and the
 * repository writes it makes are recorded as a {@link Job}. A committer thread then owns the connection and
 * commits jobs in order, while the next caller's work already runs. Work that needs to read the database
 * first waits until the committer is idle, then takes the connection and commits itself ("attached").
 * A job whose work rests on stale state is not committed: its work runs again, attached from the start.
 * Its state is stale when an earlier commit failed or another process committed in between.
 */
final class SqliteDatabase implements MapperAccess, UnitOfWork, AutoCloseable {

    private static final int READERS = 4;
    /** The writer's own auto-checkpoint: the bound on the WAL when the background checkpointer lags. */
    static final int WAL_AUTOCHECKPOINT_PAGES = 8_192;

    private final Path file;
    private final SqlSessionFactory writers;
    private final SqlSessionFactory readers;
    private final PooledDataSource writerPool;
    private final PooledDataSource readerPool;
    /** Serializes the work of writes; held while work runs and until its job is queued or committed. */
    private final ReentrantLock workLock = new ReentrantLock();
    private final ThreadLocal<Job> currentJob = new ThreadLocal<>();
    private final ThreadLocal<SqlSession> currentRead = new ThreadLocal<>();
    private final String url;
    private final Committer committer;
    private final WalCheckpointer checkpointer;
    private final AtomicLong stateEpoch = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    /** Owned by whoever holds the connection (the committer, or attached work while the committer is idle). */
    private final EventBlocks blocks = new EventBlocks();
    /** The changes to {@code event_tallies} of the open transaction (ADR 33); owned like {@link #blocks}. */
    private final EventTallies.Delta tallies = new EventTallies.Delta();
    /** The writer's view of the message index partitions (ADR 34); owned like {@link #blocks}. */
    private final MessageIndex messages = new MessageIndex();
    /** The writer connection's prepared hot-path statements; owned like {@link #blocks}. */
    private final HotPathInserts.Statements statements = new HotPathInserts.Statements();
    private long lastDataVersion = Long.MIN_VALUE;
    /** The next envelope id, known while {@link #idEpoch} is the state epoch; guarded by the work lock. */
    private long nextId = -1;
    private long idEpoch = -1;
    private final CommitTelemetry telemetry;

    SqliteDatabase(Path file) {
        this(file, CommitTelemetry.NONE);
    }

    /** Reporting every write transaction's duration and units of work to {@code telemetry}. */
    SqliteDatabase(Path file, CommitTelemetry telemetry) {
        this.telemetry = telemetry;
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
        this.committer = new Committer("brainstem-sqlite-committer-" + this.file.getFileName());
        this.checkpointer = new WalCheckpointer(url, "brainstem-sqlite-checkpointer-" + this.file.getFileName());
        // only a file upgraded by V4 has pending blocks: other opens take no write lock
        if (!read(() -> EventBlocks.pendingBlocks(connection())).isEmpty()) {
            write(() -> {
                blocks.rebuildPending(connection());
                return null;
            });
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
            props.setProperty("journal_size_limit", Long.toString(64L * 1024 * 1024));
            // checkpoints run on their own thread (WalCheckpointer); the writer's auto-checkpoint at 32 MiB bounds
            // the WAL when that thread lags (without it, the WAL grew to 2.4 GB under sustained ingest)
            props.setProperty("wal_autocheckpoint", Integer.toString(WAL_AUTOCHECKPOINT_PAGES));
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
        config.addMapper(io.brainstem.adapters.persistence.relational.IdempotencyMapper.class);
        config.addMapper(IncidentMapper.class);
        config.addMapper(ReviewMapper.class);
        config.addMapper(AlertSyncMapper.class);
        config.addMapper(TallyMapper.class);
        return new SqlSessionFactoryBuilder().build(config);
    }

    Path file() {
        return file;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        return writeAhead(work).join();
    }

    /** When a unit of work last began here (System.nanoTime): how idle the database is, for the catalog. */
    private volatile long lastUsedNanos = System.nanoTime();

    long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    @Override
    public <T> Commit<T> writeAhead(Supplier<T> work) {
        lastUsedNanos = System.nanoTime();
        if (currentJob.get() != null) { // nested: joins the outer write
            T result = work.get();
            return () -> result;
        }
        return submit(work, false);
    }

    /**
     * Runs {@code work} as a job: queued for the committer when it never needed the connection, else committed
     * here. {@code attachedFromStart} is for work run again after it turned out stale: it commits itself.
     */
    private <T> Commit<T> submit(Supplier<T> work, boolean attachedFromStart) {
        Job job;
        T result = null;
        boolean stale = false;
        workLock.lock();
        try {
            job = new Job(stateEpoch.get());
            currentJob.set(job);
            try {
                if (attachedFromStart) {
                    attach(job);
                }
                job.started = true;
                result = work.get();
                if (job.session != null) {
                    commitAttached(job);
                    T done = result;
                    return () -> done;
                }
                job.seal();
                committer.enqueue(job);
            } catch (StaleWork e) {
                abandon(job);
                stale = true;
            } catch (RuntimeException e) {
                abandon(job);
                throw wrap(e);
            }
        } finally {
            currentJob.remove();
            workLock.unlock();
        }
        if (stale) {
            return submit(work, true);
        }
        Job queued = job;
        T value = result;
        return () -> {
            try {
                queued.committed.join();
                return value;
            } catch (CompletionException e) {
                if (e.getCause() instanceof StaleWork) {
                    return submit(work, true).join();
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        };
    }

    /** Work of {@code job} failed or went stale: nothing of it is written; its ids are handed out again. */
    private void abandon(Job job) {
        nextId = -1;
        if (job.session != null) {
            blocks.rolledBack();
            tallies.clear();
            messages.forget();
            try {
                job.session.rollback(true);
            } catch (RuntimeException e) {
                // SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR): "cannot
                // rollback - no transaction is active" must not replace the failure that brought us here
                // (nothing to undo: the failure itself is reported by the caller)
            } finally {
                try {
                    job.session.close();
                } catch (RuntimeException e) {
                    // the connection goes back to the pool either way; the failure is the caller's to report
                }
            }
        }
    }

    /**
     * Commits the job on the calling thread, which took the connection while the committer was idle; when
     * that fails, the caller's {@link #abandon} rolls back.
     */
    private void commitAttached(Job job) {
        long start = System.nanoTime();
        try {
            finishTransaction(job, job.session);
        } catch (RuntimeException e) {
            telemetry.failed(1);
            throw e;
        }
        telemetry.committed(1, System.nanoTime() - start);
        SqlSession session = job.session;
        job.session = null;
        session.close();
    }

    private void finishTransaction(Job job, SqlSession session) {
        writeJob(job, session);
        commitWritten(session);
    }

    private void writeJob(Job job, SqlSession session) {
        for (Consumer<SqlSession> op : job.ops) {
            op.accept(session);
        }
        insertHeld(session.getConnection(), job.pending.values());
    }

    /** Inserts held envelopes, indexes their messages (ADR 34) and counts them in {@code event_tallies} (ADR 33). */
    private void insertHeld(java.sql.Connection connection, java.util.Collection<HotPathInserts.Pending> held) {
        HotPathInserts.insert(statements, connection, held, blocks, messages);
        HotPathInserts.tally(held, tallies);
    }

    private void commitWritten(SqlSession session) {
        if (!tallies.isEmpty()) {
            session.flushStatements(); // what MyBatis batched runs before the plain JDBC of the upserts
            tallies.apply(session.getMapper(TallyMapper.class), new TallyUpserts(statements, session.getConnection()));
            session.flushStatements();
        }
        blocks.writeTouched(session.getConnection());
        session.commit(true);
        blocks.committed();
        transactions.incrementAndGet();
        checkpointer.nudge();
    }

    /** Transactions this process committed on the writer connection; for tests of group commit. */
    long transactions() {
        return transactions.get();
    }

    /**
     * The committer's part: commits the jobs queued behind each other in one transaction, in order (group
     * commit), skipping a job whose work rests on stale state. A commit has a fixed cost (the session, the
     * data_version check, the block summaries' rows, the WAL frame of every page touched) that the group pays
     * once. When a group of several fails, its jobs are committed again one by one, so that a job fails alone;
     * when a single job fails, later work built on it must run again.
     */
    private void commitGroup(List<Job> jobs) {
        List<Job> written = new ArrayList<>(jobs.size());
        long start = System.nanoTime();
        try (SqlSession session = writers.openSession(ExecutorType.BATCH, false)) {
            try {
                if (noteExternalCommits(session)) {
                    session.rollback(true);
                    jobs.forEach(job -> job.committed.completeExceptionally(StaleWork.INSTANCE));
                    return;
                }
                for (Job job : jobs) {
                    if (job.epoch != stateEpoch.get()) {
                        job.committed.completeExceptionally(StaleWork.INSTANCE);
                    } else {
                        writeJob(job, session);
                        written.add(job);
                    }
                }
                if (written.isEmpty()) {
                    session.rollback(true);
                    return;
                }
                commitWritten(session);
                telemetry.committed(written.size(), System.nanoTime() - start);
            } catch (RuntimeException e) {
                blocks.rolledBack();
                tallies.clear();
                messages.forget();
                try {
                    session.rollback(true);
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                if (jobs.size() == 1) {
                    telemetry.failed(1);
                    stateEpoch.incrementAndGet(); // later work built on this job: it must run again
                    jobs.getFirst().committed.completeExceptionally(wrap(e));
                    return;
                }
                for (Job job : jobs) {
                    if (!job.committed.isDone()) {
                        commitGroup(List.of(job));
                    }
                }
                return;
            }
        }
        written.forEach(job -> job.committed.complete(null));
    }

    /**
     * Takes the writer connection for {@code job}'s work: waits until every queued job is committed, opens the
     * transaction and runs the writes the work recorded so far. Work that has begun is stale when another
     * process committed since this process last did.
     */
    private SqlSession attach(Job job) {
        if (job.session != null) {
            return job.session;
        }
        committer.awaitIdle();
        job.session = writers.openSession(ExecutorType.BATCH, false);
        noteExternalCommits(job.session);
        if (!job.started) {
            job.epoch = stateEpoch.get();
        } else if (job.epoch != stateEpoch.get()) {
            throw StaleWork.INSTANCE; // an earlier commit failed, or another process wrote, while this work ran
        }
        for (Consumer<SqlSession> op : job.ops) {
            op.accept(job.session);
        }
        job.ops.clear();
        return job.session;
    }

    @Override
    public <T> T read(Supplier<T> work) {
        if (currentJob.get() != null || currentRead.get() != null) {
            return work.get();
        }
        lastUsedNanos = System.nanoTime();
        try (SqlSession session = readers.openSession(ExecutorType.REUSE, false)) {
            currentRead.set(session);
            try {
                T result = work.get();
                session.rollback(true);
                return result;
            } catch (RuntimeException e) {
                throw wrap(e);
            }
        } finally {
            currentRead.remove();
        }
    }

    /**
     * SQLite's {@code PRAGMA data_version} changes on a connection when another connection — here, only
     * another process, since this is the only writer in-process — committed in between. A change moves the
     * state epoch and forgets what was cached of the file.
     */
    private boolean noteExternalCommits(SqlSession session) {
        try (java.sql.Statement st = session.getConnection().createStatement();
                java.sql.ResultSet rs = st.executeQuery("PRAGMA data_version")) {
            long version = rs.next() ? rs.getLong(1) : 0;
            boolean changed = lastDataVersion != Long.MIN_VALUE && version != lastDataVersion;
            lastDataVersion = version;
            if (changed) {
                stateEpoch.incrementAndGet();
                blocks.forgetWriterState();
                messages.forget();
            }
            return changed;
        } catch (java.sql.SQLException e) {
            throw new StorageException("cannot read the data version of " + file, e);
        }
    }

    @Override
    public long stateEpoch() {
        return stateEpoch.get();
    }

    private static RuntimeException wrap(RuntimeException e) {
        if (e.getClass().getName().startsWith("org.apache.ibatis")) {
            return new StorageException("storage failure: " + e.getMessage(), e);
        }
        return e;
    }

    private SqlSession session() {
        SqlSession read = currentRead.get();
        if (read != null) {
            return read;
        }
        Job job = currentJob.get();
        if (job == null) {
            throw new IllegalStateException("repository used outside a unit of work");
        }
        return attach(job);
    }

    /**
     * The JDBC connection of the calling thread's unit of work, for reads ({@link EventBlocks}); in a write it
     * takes the connection (see {@link #attach}).
     */
    java.sql.Connection connection() {
        return session().getConnection();
    }

    /**
     * The connection of the calling thread's unit of work after the writes MyBatis has batched on it so far ran,
     * for plain JDBC that must see them; in a write it takes the connection.
     */
    java.sql.Connection flushedConnection() {
        SqlSession session = session();
        session.flushStatements();
        return session.getConnection();
    }

    /** The mapper of the calling thread's unit of work, for reads; in a write it takes the connection. */
    @Override
    public <M> M mapper(Class<M> type) {
        return session().getMapper(type);
    }

    /**
     * A write of the calling thread's unit of work: run at commit, or now when the work holds the connection.
     * {@code op} must capture rows built now, not domain objects that later work may change.
     */
    @Override
    public void later(Consumer<SqlSession> op) {
        Job job = currentJob.get();
        if (job == null) {
            throw new IllegalStateException("repository write outside a write unit of work");
        }
        if (job.session != null) {
            op.accept(job.session);
        } else {
            job.ops.add(op);
        }
    }

    /**
     * {@code count} consecutive new envelope ids. Known in memory while no other process writes: the first
     * write after opening, after a failed commit or after another process committed reads the current maximum.
     */
    long allocateIds(int count) {
        Job job = currentJob.get();
        if (job == null) {
            throw new IllegalStateException("ids allocated outside a write unit of work");
        }
        if (nextId < 0 || idEpoch != job.epoch) {
            nextId = attach(job).getMapper(RawEnvelopeMapper.class).maxId() + 1;
            idEpoch = job.epoch;
        }
        long first = nextId;
        nextId += count;
        return first;
    }

    /**
     * Envelopes received in this transaction are inserted once, at commit, with their outcome and canonical
     * event: one row write per event instead of insert-then-update; within one transaction the two are
     * indistinguishable (ADR 7, ADR 12).
     */
    private void flushPending(Job job) {
        if (!job.pending.isEmpty()) {
            insertHeld(job.session.getConnection(), job.pending.values());
            job.pending.clear();
        }
    }

    /** Called by the envelope repository: holds a received envelope until the transaction commits. */
    void holdReceived(io.brainstem.domain.envelope.RawEnvelope envelope) {
        Job job = currentJob.get();
        if (job == null) {
            throw new IllegalStateException("envelope received outside a write unit of work");
        }
        job.pending.put(envelope.id().value(), new HotPathInserts.Pending(envelope));
    }

    /** Keeps a held envelope with its outcome until commit; false when it was stored earlier. */
    boolean holdOutcome(io.brainstem.domain.envelope.RawEnvelope envelope) {
        Job job = currentJob.get();
        HotPathInserts.Pending pending = job == null ? null : job.pending.get(envelope.id().value());
        if (pending == null) {
            return false;
        }
        pending.envelope = envelope;
        return true;
    }

    /** Attaches a canonical event to its held envelope; false when the envelope was stored earlier. */
    boolean holdEvent(io.brainstem.domain.event.CanonicalEvent event) {
        Job job = currentJob.get();
        HotPathInserts.Pending pending = job == null ? null : job.pending.get(event.id().value());
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

    /** The changes to {@code event_tallies} of the open transaction; for whoever holds the connection. */
    EventTallies.Delta tallies() {
        return tallies;
    }

    /** The writer's view of the message index partitions; for whoever holds the connection. */
    MessageIndex messages() {
        return messages;
    }

    HotPathInserts.Statements statements() {
        return statements;
    }

    /** Inserts the held envelopes now, so that a query of events in this transaction sees them. */
    void flushHeld() {
        Job job = currentJob.get();
        if (job != null) {
            attach(job);
            flushPending(job);
        }
    }

    /** How many checkpoints the background checkpointer ran (for tests). */
    long backgroundCheckpoints() {
        return checkpointer.checkpoints();
    }

    /** How many threads wait for the committer to be idle, to take the connection (for tests). */
    int waitingToAttach() {
        return committer.waiting();
    }

    /** The writes of one unit of work, recorded while its work runs and made at commit. */
    private static final class Job {
        long epoch;
        final Map<Long, HotPathInserts.Pending> pending = new LinkedHashMap<>();
        final List<Consumer<SqlSession>> ops = new ArrayList<>();
        final CompletableFuture<Void> committed = new CompletableFuture<>();
        /** Set while the work holds the connection itself. */
        SqlSession session;
        boolean started;

        Job(long epoch) {
            this.epoch = epoch;
        }

        /** Builds the rows of held envelopes on the worker's thread, so the committer only binds and steps. */
        void seal() {
            for (HotPathInserts.Pending p : pending.values()) {
                p.seal();
            }
        }
    }

    /** Work that rested on stale state; it runs again. Thrown and caught inside this class only. */
    private static final class StaleWork extends RuntimeException {
        static final StaleWork INSTANCE = new StaleWork();

        private StaleWork() {
            super("the write rested on stale state and runs again", null, false, false);
        }
    }

    /** The most jobs committed in one transaction (see {@link #commitGroup}). */
    private static final int MAX_GROUP = 8;

    /** The thread that commits queued jobs in order, and lets attached work wait until it is idle. */
    private final class Committer {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final ArrayDeque<Job> queue = new ArrayDeque<>();
        private final Thread thread;
        private boolean busy;
        private boolean closed;
        private int waiting;

        Committer(String name) {
            this.thread = Thread.ofPlatform().name(name).daemon(true).start(this::run);
        }

        void enqueue(Job job) {
            lock.lock();
            try {
                if (closed) {
                    throw new StorageException("the database " + file + " is closed");
                }
                queue.add(job);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void awaitIdle() {
            lock.lock();
            try {
                waiting++;
                while (busy || !queue.isEmpty()) {
                    changed.awaitUninterruptibly();
                }
            } finally {
                waiting--;
                lock.unlock();
            }
        }

        int waiting() {
            lock.lock();
            try {
                return waiting;
            } finally {
                lock.unlock();
            }
        }

        /** Commits what is queued, then stops. */
        void close() {
            lock.lock();
            try {
                closed = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void run() {
            List<Job> group = new ArrayList<>(MAX_GROUP);
            while (true) {
                group.clear();
                lock.lock();
                try {
                    while (queue.isEmpty() && !closed) {
                        changed.awaitUninterruptibly();
                    }
                    if (queue.isEmpty()) {
                        return;
                    }
                    while (!queue.isEmpty() && group.size() < MAX_GROUP) {
                        group.add(queue.poll());
                    }
                    busy = true;
                } finally {
                    lock.unlock();
                }
                try {
                    commitGroup(group);
                } catch (Throwable t) {
                    group.forEach(job -> job.committed.completeExceptionally(t));
                } finally {
                    lock.lock();
                    try {
                        busy = false;
                        changed.signalAll();
                    } finally {
                        lock.unlock();
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        committer.close();
        statements.close(); // nothing holds the writer connection any more
        checkpointer.close(); // its last checkpoint empties the WAL

        writerPool.forceCloseAll();
        readerPool.forceCloseAll();
    }
}
