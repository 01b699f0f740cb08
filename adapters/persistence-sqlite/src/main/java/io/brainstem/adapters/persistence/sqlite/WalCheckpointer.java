package io.brainstem.adapters.persistence.sqlite;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Copies the WAL back into the database file on its own connection and thread, after commits, at most every
 * {@link #INTERVAL_MS} ms: a commit no longer waits for a checkpoint's reads, writes and two fsyncs
 * (ADR 13). A PASSIVE checkpoint never blocks the writer or readers.
 *
 * <p>The writer's own auto-checkpoint stays, at a higher threshold, as the bound on the WAL: SQLite rewinds
 * the WAL only when a checkpoint has copied every frame before the next write begins, which a thread beside a
 * busy writer rarely manages. Under sustained ingest the writer's checkpoint then finds most frames copied.
 */
final class WalCheckpointer implements AutoCloseable {

    static final long INTERVAL_MS = 100;
    private static final System.Logger LOG = System.getLogger(WalCheckpointer.class.getName());

    private final String url;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    private boolean nudged;
    private boolean closed;
    private long checkpoints;

    WalCheckpointer(String url, String name) {
        this.url = url;
        this.thread = Thread.ofPlatform().name(name).daemon(true).start(this::run);
    }

    /** Something was committed: checkpoint soon. */
    void nudge() {
        lock.lock();
        try {
            if (!nudged) {
                nudged = true;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many checkpoints this thread ran (for tests). */
    long checkpoints() {
        lock.lock();
        try {
            return checkpoints;
        } finally {
            lock.unlock();
        }
    }

    /** Stops after a last TRUNCATE checkpoint, which copies every frame and empties the WAL file. */
    @Override
    public void close() {
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
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 1000");
            while (awaitNudge()) {
                try (ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                    rs.next();
                } catch (SQLException e) {
                    LOG.log(Level.DEBUG, "background checkpoint skipped: " + e.getMessage());
                }
                lock.lock();
                try {
                    checkpoints++;
                } finally {
                    lock.unlock();
                }
                sleepUnlessClosed(INTERVAL_MS);
            }
            st.execute("PRAGMA busy_timeout = 10000");
            try (ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                rs.next();
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "checkpointer of " + url + " stopped; the writer's auto-checkpoint remains: "
                    + e.getMessage());
        }
    }

    /** Waits for a commit; false once closed. */
    private boolean awaitNudge() {
        lock.lock();
        try {
            while (!nudged && !closed) {
                changed.awaitUninterruptibly();
            }
            nudged = false;
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    private void sleepUnlessClosed(long millis) {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(millis);
            while (!closed && left > 0) {
                left = changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
