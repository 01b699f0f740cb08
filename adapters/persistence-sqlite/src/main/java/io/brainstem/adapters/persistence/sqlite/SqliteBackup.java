package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.application.port.out.StorageException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A consistent copy of a live SQLite store ({@code bin/brainstem backup DEST}), taken while brainstem serves.
 *
 * <p>{@code VACUUM INTO} writes the database as one read transaction sees it: a snapshot of the moment it began,
 * whatever writers commit meanwhile (WAL readers never block writers, nor writers them). SQLite's page-copying backup
 * API would restart whenever another connection writes, so under steady intake it might never finish. The copy is
 * written to {@code DEST.partial}, checked with {@code PRAGMA integrity_check} and only then renamed to {@code DEST}:
 * a file at {@code DEST} is always a whole, checked backup. An existing {@code DEST} is never overwritten.
 */
public final class SqliteBackup {

    /** What was written: the file, its size, how long it took, and the counts of the main tables in the copy. */
    public record Result(Path destination, long bytes, Duration took, long envelopes, long signatures,
            long candidates, long incidents, long reviews) {
    }

    private SqliteBackup() {
    }

    public static Result backup(Path source, Path destination) {
        if (!Files.isRegularFile(source)) {
            throw new StorageException("no database at " + source);
        }
        if (Files.exists(destination)) {
            throw new StorageException(destination + " exists already; a backup never overwrites a file");
        }
        Path parent = destination.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new StorageException("the directory of " + destination + " does not exist");
        }
        Path partial = destination.resolveSibling(destination.getFileName() + ".partial");
        long started = System.nanoTime();
        try {
            Files.deleteIfExists(partial);
            try (Connection c = open(source, true); PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, partial.toString());
                vacuum.execute();
            }
            List<String> problems = integrity(partial);
            if (!problems.isEmpty()) {
                throw new StorageException("the copy in " + partial + " failed PRAGMA integrity_check: "
                        + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
            }
            Result counted = counts(partial, destination);
            move(partial, destination);
            return new Result(destination, Files.size(destination), Duration.ofNanos(System.nanoTime() - started),
                    counted.envelopes(), counted.signatures(), counted.candidates(), counted.incidents(),
                    counted.reviews());
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw new StorageException("cannot back up " + source + " to " + destination + ": " + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new StorageException("cannot write " + destination + ": " + e.getMessage(), e);
        } catch (StorageException e) {
            throw e; // the partial copy is kept for a look when it failed its check
        }
    }

    private static Connection open(Path file, boolean readOnly) throws SQLException {
        Properties p = new Properties();
        if (readOnly) {
            p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, p);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
        }
        return c;
    }

    private static List<String> integrity(Path file) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = open(file, true); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            while (r.next()) {
                String line = r.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
        }
        return problems;
    }

    private static Result counts(Path file, Path destination) throws SQLException {
        try (Connection c = open(file, true)) {
            // one row of events per raw envelope (ADR 14), with its canonical event when it has one
            return new Result(destination, 0, Duration.ZERO, count(c, "events"), count(c, "signatures"),
                    count(c, "candidates"), count(c, "incidents"), count(c, "reviews"));
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table")) {
                return 0; // an older schema
            }
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing more to do: the message of the failure names the file
        }
    }
}
