package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.InvalidRequestException;
import io.brainstem.application.port.out.CommitTelemetry;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens SQLite databases: the default file, or a file a request names with {@code db_path}. A named
 * database must lie inside the data directory — a relative name resolves there, and anything that would
 * escape it ({@code ..}, an absolute path elsewhere, a symlinked parent) is refused.
 */
public final class SqliteStorageCatalog implements StorageCatalog {

    public static final int MAX_OPEN_DATABASES = 64;
    /** A named database unused this long may be closed to make room for another (the default one never is). */
    public static final java.time.Duration IDLE_BEFORE_CLOSE = java.time.Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(SqliteStorageCatalog.class.getName());

    private final Path dataDir;
    private final Path defaultDatabase;
    private final Map<Path, SqliteStorage> open = new ConcurrentHashMap<>();
    private final CommitTelemetry telemetry;
    private final int maxOpen;
    private final long idleBeforeCloseNanos;
    private final List<java.util.function.Consumer<Storage>> closeListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public SqliteStorageCatalog(Path dataDir, Path defaultDatabase) {
        this(dataDir, defaultDatabase, CommitTelemetry.NONE);
    }

    /** Every database it opens reports its write transactions to {@code telemetry}. */
    public SqliteStorageCatalog(Path dataDir, Path defaultDatabase, CommitTelemetry telemetry) {
        this(dataDir, defaultDatabase, telemetry, MAX_OPEN_DATABASES, IDLE_BEFORE_CLOSE);
    }

    /** With at most {@code maxOpen} databases open, closing the least recently used one idle {@code idle}. */
    SqliteStorageCatalog(Path dataDir, Path defaultDatabase, CommitTelemetry telemetry, int maxOpen,
            java.time.Duration idle) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.defaultDatabase = defaultDatabase.toAbsolutePath().normalize();
        this.telemetry = telemetry;
        this.maxOpen = maxOpen;
        this.idleBeforeCloseNanos = idle.toNanos();
    }

    @Override
    public void onClose(java.util.function.Consumer<Storage> listener) {
        closeListeners.add(listener);
    }

    /**
     * Closes the least recently used named database idle for {@link #IDLE_BEFORE_CLOSE}, if there is one: its
     * writes are committed first (closing drains its committer) and listeners drop their caches of it. Call with
     * the {@code open} lock held.
     */
    private boolean closeIdlest() {
        SqliteStorage idlest = null;
        Path idlestFile = null;
        for (Map.Entry<Path, SqliteStorage> e : open.entrySet()) {
            if (e.getKey().equals(defaultDatabase) || e.getValue().idleNanos() < idleBeforeCloseNanos) {
                continue;
            }
            if (idlest == null || e.getValue().idleNanos() > idlest.idleNanos()) {
                idlest = e.getValue();
                idlestFile = e.getKey();
            }
        }
        if (idlest == null) {
            return false;
        }
        open.remove(idlestFile);
        for (java.util.function.Consumer<Storage> listener : closeListeners) {
            listener.accept(idlest);
        }
        idlest.close();
        LOG.log(System.Logger.Level.INFO, "closed " + idlestFile + ", idle for "
                + java.time.Duration.ofNanos(idlest.idleNanos()).toSeconds() + " s, to open another database");
        return true;
    }

    @Override
    public Storage open(DatabaseRef ref) {
        return open(ref, true);
    }

    @Override
    public Storage openExisting(DatabaseRef ref) {
        return open(ref, false);
    }

    private Storage open(DatabaseRef ref, boolean create) {
        Path file = resolve(ref);
        if (!create && !ref.isDefault() && !open.containsKey(file) && !java.nio.file.Files.exists(file)) {
            throw new InvalidRequestException("unknown_database", "db_path '" + ref.name()
                    + "' names no database yet; ingest into it first");
        }
        SqliteStorage existing = open.get(file);
        if (existing != null) {
            return existing;
        }
        synchronized (open) {
            if (open.size() >= maxOpen && !open.containsKey(file) && !closeIdlest()) {
                throw new InvalidRequestException("too_many_databases", "at most " + maxOpen
                        + " databases may be open at once, and every one was used in the last "
                        + idleBeforeCloseNanos / 1_000_000_000L + " s; retry later");
            }
            boolean existed = java.nio.file.Files.exists(file);
            try {
                return open.computeIfAbsent(file, f -> new SqliteStorage(f, telemetry));
            } catch (io.brainstem.application.port.out.StorageException e) {
                if (existed && !ref.isDefault()) {
                    throw new InvalidRequestException("invalid_db_path", "db_path '" + ref.name()
                            + "' is not a brainstem database");
                }
                throw e;
            }
        }
    }

    @Override
    public List<DatabaseRef> openDatabases() {
        List<DatabaseRef> refs = new ArrayList<>();
        refs.add(DatabaseRef.DEFAULT);
        open.keySet().stream().filter(file -> !file.equals(defaultDatabase)).sorted()
                .forEach(file -> refs.add(DatabaseRef.of(file.toString())));
        return refs;
    }

    @Override
    public String describe(DatabaseRef ref) {
        return resolve(ref).toString();
    }

    /** The file a reference stands for; refuses anything outside the data directory. */
    public Path resolve(DatabaseRef ref) {
        if (ref.isDefault()) {
            return defaultDatabase;
        }
        String name = ref.name();
        if (name.indexOf('\0') >= 0 || name.length() > 255 || name.endsWith("-wal") || name.endsWith("-shm")
                || name.endsWith("-journal")) {
            throw invalid(name);
        }
        Path candidate;
        try {
            Path given = Path.of(name);
            candidate = (given.isAbsolute() ? given : dataDir.resolve(given)).normalize();
        } catch (InvalidPathException e) {
            throw invalid(name);
        }
        if (!candidate.startsWith(dataDir) || candidate.equals(dataDir) || containsSymlink(candidate)) {
            throw invalid(name);
        }
        return candidate;
    }

    private boolean containsSymlink(Path file) {
        for (Path p = file; p != null && p.startsWith(dataDir) && !p.equals(dataDir); p = p.getParent()) {
            if (java.nio.file.Files.isSymbolicLink(p)) {
                return true;
            }
        }
        return false;
    }

    private InvalidRequestException invalid(String name) {
        return new InvalidRequestException("invalid_db_path", "db_path '" + name
                + "' must name a database file inside the data directory (BRAINSTEM_DATA_DIR)");
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        open.values().forEach(SqliteStorage::close);
        open.clear();
    }
}
