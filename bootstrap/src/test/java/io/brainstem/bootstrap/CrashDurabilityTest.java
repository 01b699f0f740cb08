package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    private ServeProcess start(String log) throws IOException, InterruptedException {
        return ServeProcess.start(Map.of("BRAINSTEM_DATA_DIR", dataDir.toString()), dataDir.resolve(log));
    }

    @Test
    void everyAcknowledgedEventSurvivesSigkill() throws Exception {
        ServeProcess server = start("serve-1.log");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sequence = new AtomicInteger();
        CountDownLatch enoughAcknowledged = new CountDownLatch(200);
        List<Thread> clients = new java.util.ArrayList<>();
        try {
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
                        if (server.post("/ingest/batch", body.append("]}").toString())) {
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
            server.kill(); // SIGKILL on Linux: no shutdown hook, no final checkpoint
        }
        for (Thread t : clients) {
            t.join();
        }
        assertTrue(acknowledged.size() >= 200);

        ServeProcess restarted = start("serve-2.log");
        try {
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
            assertTrue(restarted.post("/ingest/batch", "{\"events\":[{\"tenant_id\":\"crash\",\"source_type\":\"file\","
                    + "\"message_raw\":\"after restart\"}]}"), "the restarted server ingests");
        } finally {
            restarted.close();
        }
    }
}
