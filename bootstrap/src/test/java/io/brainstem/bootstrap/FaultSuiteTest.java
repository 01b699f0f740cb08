package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite's kill -9 trial (issue 16): HTTP batches, TCP syslog and a followed log file flow into one store at
 * once, then {@code serve} and {@code ingest-file} are both killed with SIGKILL. After the restart every acknowledged
 * HTTP event is there, the TCP messages the server counted as stored are there, and the file intake, run again,
 * resumes exactly: every line of the file is stored once, none twice, none skipped.
 */
class FaultSuiteTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process brainstem(Map<String, String> env, Path log, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), BrainstemCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("BRAINSTEM_"));
        pb.environment().putAll(env);
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long tcpStored(int port) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/runtime")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode stored = JSON.readTree(r.body()).at("/intake/syslog_tcp/stored");
            return stored.isMissingNode() ? -1 : stored.asLong();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private Map<String, Integer> storedMessages(String tenant) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state/brainstem.sqlite3"));
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT message_raw FROM raw_envelopes WHERE tenant_id = '" + tenant + "'")) {
            while (rs.next()) {
                counts.merge(rs.getString(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static void appendLines(Path file, int from, int to) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append("<27>Dec  3 10:00:00 web-01 nginx: file-marker-").append(i).append(" upstream timed out\n");
        }
        Files.writeString(file, b, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void killMinusNineWithHttpTcpAndFileIntakeTogetherLosesNothingAcknowledgedAndTheFileResumesExactly()
            throws Exception {
        Path data = Files.createDirectories(dir.resolve("state"));
        int tcpPort = freePort();
        Map<String, String> env = Map.of("BRAINSTEM_DATA_DIR", data.toString(),
                "BRAINSTEM_SYSLOG_TCP_PORT", Integer.toString(tcpPort), "BRAINSTEM_SYSLOG_PORT", "off");
        Path logFile = dir.resolve("nginx.log");
        int fileLines = 6_000;
        appendLines(logFile, 0, 2_000);

        ServeProcess serve = ServeProcess.start(env, dir.resolve("serve-1.log"));
        Process fileIntake = brainstem(env, dir.resolve("ingest-1.log"), "ingest-file", logFile.toString(),
                "--tenant", "file", "--follow", "--batch-size", "100", "--poll-ms", "20");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong tcpStoredSeen = new AtomicLong();
        AtomicInteger tcpSent = new AtomicInteger();
        List<Thread> load = new ArrayList<>();
        try {
            AtomicInteger sequence = new AtomicInteger();
            for (int c = 0; c < 2; c++) {
                load.add(Thread.ofPlatform().start(() -> {
                    while (!stop.get()) {
                        int first = sequence.getAndAdd(20);
                        StringBuilder body = new StringBuilder("{\"events\":[");
                        for (int i = 0; i < 20; i++) {
                            body.append(i == 0 ? "" : ",").append("{\"tenant_id\":\"http\",\"source_type\":\"syslog\","
                                    + "\"message_raw\":\"http-marker-").append(first + i).append(" link eth0 down\"}");
                        }
                        if (serve.post("/ingest/batch", body.append("]}").toString())) {
                            for (int i = 0; i < 20; i++) {
                                acknowledged.add("http-marker-" + (first + i) + " link eth0 down");
                            }
                        }
                    }
                }));
            }
            load.add(Thread.ofPlatform().start(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", tcpPort), 2_000);
                    OutputStream out = socket.getOutputStream();
                    while (!stop.get()) {
                        out.write(("<30>Dec  3 10:00:00 sw-01 lldpd: tcp-marker-" + tcpSent.getAndIncrement()
                                + " neighbor changed\n").getBytes(StandardCharsets.UTF_8));
                        if (tcpSent.get() % 50 == 0) {
                            out.flush();
                        }
                    }
                } catch (IOException e) {
                    // the server was killed: the connection ends
                }
            }));
            appendLines(logFile, 2_000, 4_000); // the file grows while it is followed
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline && (acknowledged.size() < 400 || tcpStoredSeen.get() < 200
                    || storedMessages("file").size() < 1_000)) {
                long seen = tcpStored(serve.port);
                tcpStoredSeen.accumulateAndGet(seen, Math::max);
                Thread.sleep(100); // polling a separate process's progress; there is nothing to await in-process
            }
            tcpStoredSeen.accumulateAndGet(tcpStored(serve.port), Math::max);
        } finally {
            fileIntake.destroyForcibly(); // SIGKILL both, mid-flow
            serve.kill();
            stop.set(true);
            fileIntake.waitFor();
        }
        for (Thread t : load) {
            t.join();
        }
        assertTrue(acknowledged.size() >= 400, "HTTP acknowledged " + acknowledged.size());
        assertTrue(tcpStoredSeen.get() >= 200, "TCP stored " + tcpStoredSeen.get());

        appendLines(logFile, 4_000, fileLines); // written while nothing ran
        Process resumed = brainstem(env, dir.resolve("ingest-2.log"), "ingest-file", logFile.toString(),
                "--tenant", "file", "--batch-size", "500");
        assertTrue(resumed.waitFor(120, TimeUnit.SECONDS), "the resumed file intake finished");
        assertEquals(0, resumed.exitValue(), Files.readString(dir.resolve("ingest-2.log")));

        Set<String> lostHttp = new HashSet<>(acknowledged);
        lostHttp.removeAll(storedMessages("http").keySet());
        assertEquals(Set.of(), lostHttp, "HTTP events acknowledged but lost");

        long tcpOnDisk = storedMessages("default").keySet().stream().filter(m -> m.contains("tcp-marker-")).count();
        assertTrue(tcpOnDisk >= tcpStoredSeen.get(), "TCP: counted as stored " + tcpStoredSeen.get() + ", found "
                + tcpOnDisk);

        Map<String, Integer> file = storedMessages("file");
        List<String> twice = file.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), twice, "file lines stored twice");
        assertEquals(fileLines, file.size(), "every line of the file, once");

        try (ServeProcess restarted = ServeProcess.start(env, dir.resolve("serve-2.log"))) {
            assertTrue(restarted.post("/ingest/batch", "{\"events\":[{\"tenant_id\":\"http\",\"source_type\":"
                    + "\"syslog\",\"message_raw\":\"after restart\"}]}"), "the restarted server ingests");
        }
        System.out.printf("fault suite kill -9: HTTP %d acknowledged, 0 lost; TCP %d counted stored, %d on disk;"
                + " file %d lines, each once%n", acknowledged.size(), tcpStoredSeen.get(), tcpOnDisk, file.size());
    }

    /**
     * A full disk (a small tmpfs, when run as root): ingest is refused with a clean 503 in the JSON error shape and the
     * server stays up; once space is freed, ingest works again without a restart.
     */
    @Test
    void aFullDiskGivesCleanErrorsAndIngestRecoversWhenSpaceIsFreed() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("small-disk"));
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "mounting a tmpfs needs root");
        Process mountTmpfs = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String mountOut = new String(mountTmpfs.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assumptions.assumeTrue(mountTmpfs.waitFor() == 0, "cannot mount a tmpfs: " + mountOut);
        try {
            Path filler = mount.resolve("filler");
            Files.write(filler, new byte[4 * 1024 * 1024]);
            Path data = Files.createDirectories(mount.resolve("state"));
            try (ServeProcess serve = ServeProcess.start(Map.of("BRAINSTEM_DATA_DIR", data.toString(),
                    "BRAINSTEM_SYSLOG_PORT", "off", "BRAINSTEM_RETENTION_DAYS", "off"), dir.resolve("serve-full.log"))) {
                String padding = "x".repeat(900);
                HttpResponse<String> refused = null;
                for (int b = 0; b < 400 && refused == null; b++) {
                    StringBuilder body = new StringBuilder("{\"events\":[");
                    for (int i = 0; i < 200; i++) {
                        body.append(i == 0 ? "" : ",").append("{\"source_type\":\"syslog\",\"message_raw\":\"fill-")
                                .append(b).append('-').append(i).append(' ').append(padding).append("\"}");
                    }
                    HttpResponse<String> r = post(serve.port, body.append("]}").toString());
                    if (r.statusCode() != 200) {
                        refused = r;
                    }
                }
                assertTrue(refused != null, "the 16 MiB disk filled up");
                assertEquals(503, refused.statusCode(), refused.body());
                JsonNode error = JSON.readTree(refused.body());
                assertEquals(false, error.get("ok").asBoolean());
                assertEquals("storage_unavailable", error.at("/error/code").asText(), refused.body());
                // a smaller write may still find a page: keep writing full batches until 3 in a row were refused
                int refusedInARow = 1;
                for (int attempt = 0; attempt < 100 && refusedInARow < 3; attempt++) {
                    StringBuilder body = new StringBuilder("{\"events\":[");
                    for (int i = 0; i < 200; i++) {
                        body.append(i == 0 ? "" : ",").append("{\"source_type\":\"syslog\",\"message_raw\":\"more-")
                                .append(attempt).append('-').append(i).append(' ').append(padding).append("\"}");
                    }
                    int status = post(serve.port, body.append("]}").toString()).statusCode();
                    assertTrue(status == 200 || status == 503, "a full disk is a 503, never " + status);
                    refusedInARow = status == 503 ? refusedInARow + 1 : 0;
                }
                assertEquals(3, refusedInARow, "the disk stays full");
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + serve.port + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(503, health.statusCode(), health.body());
                assertTrue(JSON.readTree(health.body()).get("problems").get(0).asText().startsWith("storage: the last"),
                        health.body());

                Files.delete(filler);
                boolean recovered = false;
                for (int attempt = 0; attempt < 50 && !recovered; attempt++) {
                    recovered = post(serve.port, "{\"events\":[{\"source_type\":\"syslog\",\"message_raw\":"
                            + "\"after the disk was freed\"}]}").statusCode() == 200;
                }
                assertTrue(recovered, "ingest works again once space is freed, without a restart");
                assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port
                        + "/healthz")).build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "healthy again");
                assertTrue(serve.process.isAlive());
            }
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
        }
    }

    private static HttpResponse<String> post(int port, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ingest/batch"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
