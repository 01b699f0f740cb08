package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 means committed: the server is killed with SIGKILL in the middle of sustained HTTP ingest, and
 * after a restart every acknowledged event is there.
 */
class CrashDurabilityTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process start(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), BrainstemCli.class.getName(), "serve");
        pb.environment().put("BRAINSTEM_DATA_DIR", dataDir.toString());
        pb.environment().put("BRAINSTEM_HTTP_PORT", Integer.toString(port));
        pb.environment().put("BRAINSTEM_SYSLOG_PORT", "off");
        pb.environment().remove("BRAINSTEM_API_TOKEN");
        pb.redirectErrorStream(true).redirectOutput(dataDir.resolve("serve-" + port + ".log").toFile());
        return pb.start();
    }

    private void awaitHealthy(int port, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "server exited during start-up");
            try {
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("server did not become healthy");
    }

    private boolean post(int port, String body) {
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/ingest/batch")).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return res.statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void everyAcknowledgedEventSurvivesSigkill() throws Exception {
        int port = freePort();
        Process server = start(port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sequence = new AtomicInteger();
        CountDownLatch enoughAcknowledged = new CountDownLatch(200);
        List<Thread> clients = new java.util.ArrayList<>();
        try {
            awaitHealthy(port, server);
            for (int c = 0; c < 3; c++) {
                clients.add(Thread.ofPlatform().start(() -> {
                    int failuresInARow = 0;
                    while (failuresInARow < 20) {
                        int first = sequence.getAndAdd(10);
                        StringBuilder body = new StringBuilder("{\"events\":[");
                        for (int i = 0; i < 10; i++) {
                            body.append(i == 0 ? "" : ",").append("{\"tenant_id\":\"crash\",\"source_type\":\"file\","
                                    + "\"message_raw\":\"marker-").append(first + i).append(" link eth0 down\"}");
                        }
                        if (post(port, body.append("]}").toString())) {
                            for (int i = 0; i < 10; i++) {
                                acknowledged.add("marker-" + (first + i) + " link eth0 down");
                                enoughAcknowledged.countDown();
                            }
                            failuresInARow = 0;
                        } else {
                            failuresInARow++;
                        }
                    }
                }));
            }
            assertTrue(enoughAcknowledged.await(60, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no final checkpoint
            server.waitFor();
        }
        for (Thread t : clients) {
            t.join();
        }
        assertTrue(acknowledged.size() >= 200);

        int port2 = freePort();
        Process restarted = start(port2);
        try {
            awaitHealthy(port2, restarted);
            Set<String> stored = new HashSet<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("brainstem.sqlite3"));
                    ResultSet rs = c.createStatement().executeQuery(
                            "SELECT message_raw FROM raw_envelopes WHERE tenant_id = 'crash'")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertEquals(Set.of(), lost, "acknowledged but lost");
            assertTrue(post(port2, "{\"events\":[{\"tenant_id\":\"crash\",\"source_type\":\"file\","
                    + "\"message_raw\":\"after restart\"}]}"), "the restarted server ingests");
        } finally {
            restarted.destroy();
            restarted.waitFor();
        }
    }
}
