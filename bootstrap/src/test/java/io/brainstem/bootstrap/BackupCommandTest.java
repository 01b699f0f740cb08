package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/brainstem backup DEST} against the store of a running {@code serve} that keeps ingesting. */
class BackupCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private Run brainstem(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), BrainstemCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("BRAINSTEM_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    private static String batch(int n, int from) {
        StringBuilder b = new StringBuilder("{\"tenant_id\":\"b\",\"events\":[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("{\"source_type\":\"syslog\",\"message_raw\":\"<30>Dec  3 10:00:00 fw-01")
                    .append(" charon: IPsec SA with peer 203.0.113.").append((from + i) % 250).append(" established\"}");
        }
        return b.append("]}").toString();
    }

    @Test
    void aBackupOfAServingStoreIsCheckedCompleteUpToItsStartAndNeverOverwrites() throws Exception {
        Path data = Files.createDirectories(dir.resolve("state"));
        Map<String, String> env = Map.of("BRAINSTEM_DATA_DIR", data.toString());
        try (ServeProcess serve = ServeProcess.start(env, dir.resolve("serve.log"))) {
            AtomicInteger acknowledged = new AtomicInteger();
            for (int i = 0; i < 10; i++) {
                assertTrue(serve.post("/ingest/batch", batch(200, acknowledged.get())));
                acknowledged.addAndGet(200);
            }
            int before = acknowledged.get();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                while (!stop.get()) {
                    if (serve.post("/ingest/batch", batch(100, acknowledged.get()))) {
                        acknowledged.addAndGet(100);
                    }
                }
            });
            Path dest = dir.resolve("brainstem-backup.sqlite3");
            Run run;
            try {
                run = brainstem(env, "backup", dest.toString());
            } finally {
                stop.set(true);
                load.get();
            }

            assertEquals(0, run.exit(), run.out());
            assertTrue(run.out().contains("integrity_check ok"), run.out());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dest);
                    ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM events")) {
                r.next();
                long copied = r.getLong(1);
                assertTrue(copied >= before && copied <= acknowledged.get(),
                        copied + " events: everything acknowledged before the backup began, at most all");
                assertTrue(run.out().contains(String.format("%,d envelopes", copied)), run.out());
            }

            Run again = brainstem(env, "backup", dest.toString());
            assertEquals(2, again.exit(), again.out());
            assertTrue(again.out().contains("exists already"), again.out());
            assertEquals(1, again.out().strip().lines().count(), "one line, no stack trace: " + again.out());
        }
        Run postgres = brainstem(Map.of("BRAINSTEM_DATA_DIR", data.toString(),
                "BRAINSTEM_DATABASE_URL", "postgresql://u@127.0.0.1:1/db"), "backup", dir.resolve("x").toString());
        assertEquals(2, postgres.exit(), postgres.out());
        assertTrue(postgres.out().contains("pg_dump"), postgres.out());
    }
}
