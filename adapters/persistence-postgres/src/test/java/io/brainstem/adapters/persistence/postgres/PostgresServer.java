package io.brainstem.adapters.persistence.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster for tests: Debian's server binaries ({@code /usr/lib/postgresql/N/bin}, or
 * {@code BRAINSTEM_PG_BIN}), a fresh data directory, a free port on 127.0.0.1, started once per JVM and stopped at
 * exit. PostgreSQL refuses to run as root, so as root the cluster runs as the {@code postgres} user through
 * {@code runuser}. Without binaries the tests are skipped, unless {@code BRAINSTEM_REQUIRE_POSTGRES=1} (CI) makes
 * that a failure.
 */
public final class PostgresServer {

    private static PostgresServer instance;
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final int port;

    private PostgresServer(int port) {
        this.port = port;
    }

    /** The running server; skips (or fails, on CI) the calling test when there is none to run. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            Optional<Path> bin = binaries();
            if (bin.isEmpty()) {
                if ("1".equals(System.getenv("BRAINSTEM_REQUIRE_POSTGRES"))) {
                    throw new IllegalStateException("BRAINSTEM_REQUIRE_POSTGRES=1 but no PostgreSQL server binaries "
                            + "(initdb, pg_ctl) were found under /usr/lib/postgresql or BRAINSTEM_PG_BIN");
                }
                Assumptions.abort("no PostgreSQL server binaries here (Debian package postgresql)");
            }
            instance = start(bin.get());
        }
        return instance;
    }

    /** The address of the cluster's {@code postgres} database, as the {@code brainstem} superuser. */
    public PostgresAddress address() {
        return PostgresAddress.parse("postgresql://brainstem@127.0.0.1:" + port + "/postgres", Optional.empty());
    }

    /** A fresh, empty schema of its own, with a small pool: what a contract test's fresh storage needs. */
    public PostgresAddress freshSchema() {
        PostgresAddress a = address().withSchema("contract_" + SCHEMAS.incrementAndGet());
        return new PostgresAddress(a.jdbcUrl(), a.user(), a.password(), a.schema(), 2, a.describe());
    }

    /** The URL of a new, empty database of its own ({@code BRAINSTEM_DATABASE_URL} form), for a whole process. */
    public String freshDatabaseUrl() {
        String name = "brainstem_" + SCHEMAS.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "brainstem", "");
                java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
        return "postgresql://brainstem@127.0.0.1:" + port + "/" + name;
    }

    public int port() {
        return port;
    }

    private static Optional<Path> binaries() {
        String configured = System.getenv("BRAINSTEM_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(p -> Files.isExecutable(p.resolve("initdb")));
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static PostgresServer start(Path bin) {
        try {
            Path dir = Files.createTempDirectory("brainstem-pg-");
            Path data = dir.resolve("data");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
            }
            int port = freePort();
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "brainstem", "-A", "trust",
                    "-E", "UTF8", "--no-sync", "--no-instructions"), root);
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                    "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                            + " -c max_connections=400 -c fsync=off -c synchronous_commit=off"
                            + " -c full_page_writes=off", "start"), root);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"),
                            root);
                    run(List.of("rm", "-rf", dir.toString()), false);
                } catch (IOException e) {
                    // the JVM is going; a stray temp directory is all that can be left
                }
            }, "brainstem-test-postgres-stop"));
            return new PostgresServer(port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a test PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", full), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
