package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.adapters.persistence.postgres.PostgresAddress;
import io.brainstem.adapters.persistence.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two `serve` processes on one PostgreSQL take the same tenant's batches; one is killed with SIGKILL in the middle.
 * Every acknowledged event is stored, the other node never stops taking the tenant's events, and the first of them
 * after the kill is processed by the survivor at once (ADR 28: no ownership to move).
 */
class TwoNodeKillTest {

    @TempDir
    Path dir;

    private static String batch(int first) {
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 10; i++) {
            body.append(i == 0 ? "" : ",").append("{\"tenant_id\":\"kill\",\"source_type\":\"syslog\","
                    + "\"message_raw\":\"<13>Mar 22 03:00:00 fw-01 charon: marker-").append(first + i)
                    .append(" tunnel down\"}");
        }
        return body.append("]}").toString();
    }

    @Test
    void killingOneNodeLosesNothingAcknowledgedAndTheOtherGoesOn() throws Exception {
        String url = PostgresServer.get().freshDatabaseUrl();
        Map<String, String> env = Map.of("BRAINSTEM_DATABASE_URL", url, "BRAINSTEM_DATA_DIR", dir.toString());
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sequence = new AtomicInteger();
        int survivorFailures = 0;
        long killedAt;
        long firstAfterKill = -1;
        try (ServeProcess a = ServeProcess.start(env, dir.resolve("a.log"));
                ServeProcess b = ServeProcess.start(env, dir.resolve("b.log"))) {
            Thread toA = Thread.ofPlatform().start(() -> {
                int failures = 0;
                while (failures < 5) {
                    int first = sequence.getAndAdd(10);
                    if (a.post("/ingest/batch", batch(first))) {
                        acknowledge(acknowledged, first);
                    } else {
                        failures++;
                    }
                }
            });
            for (int i = 0; i < 30; i++) {
                int first = sequence.getAndAdd(10);
                if (b.post("/ingest/batch", batch(first))) {
                    acknowledge(acknowledged, first);
                } else {
                    survivorFailures++;
                }
            }
            a.kill();
            killedAt = System.nanoTime();
            for (int i = 0; i < 30; i++) {
                int first = sequence.getAndAdd(10);
                if (b.post("/ingest/batch", batch(first))) {
                    acknowledge(acknowledged, first);
                    if (firstAfterKill < 0) {
                        firstAfterKill = System.nanoTime();
                    }
                } else {
                    survivorFailures++;
                }
            }
            toA.join();
        }
        assertEquals(0, survivorFailures, "the surviving node refused nothing");
        assertTrue(acknowledged.size() >= 600, "acknowledged " + acknowledged.size());
        Set<Integer> stored = new HashSet<>();
        PostgresAddress address = PostgresAddress.parse(url, Optional.empty());
        try (Connection c = DriverManager.getConnection(address.jdbcUrl(), address.user().orElseThrow(), "");
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT message_raw FROM events WHERE tenant_id = 'kill' AND status = 'canonicalized'")) {
            while (rs.next()) {
                String m = rs.getString(1);
                int at = m.indexOf("marker-") + "marker-".length();
                stored.add(Integer.parseInt(m.substring(at, m.indexOf(' ', at))));
            }
        }
        Set<Integer> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        assertEquals(Set.of(), lost, "acknowledged but lost");
        System.out.printf("two nodes, one killed: %d events acknowledged, %d stored, 0 lost; the survivor processed "
                + "the tenant's next batch %.1f ms after the kill%n", acknowledged.size(), stored.size(),
                (firstAfterKill - killedAt) / 1e6);
    }

    private static void acknowledge(Set<Integer> acknowledged, int first) {
        for (int i = 0; i < 10; i++) {
            acknowledged.add(first + i);
        }
    }
}
