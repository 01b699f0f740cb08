package io.brainstem.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.InspectionQueries.EnvelopeFilter;
import io.brainstem.bootstrap.Brainstem;
import io.brainstem.bootstrap.BrainstemSettings;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.TenantId;
import io.helidon.config.Config;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File intake on a real file and a real SQLite database: no line twice, none skipped, rotation followed. */
class FileIntakeTest {

    @TempDir
    Path dir;

    private Brainstem brainstem;
    private Path log;

    @BeforeEach
    void start() {
        brainstem = new Brainstem(BrainstemSettings.load(Config.empty(), Map.of(
                "BRAINSTEM_DATA_DIR", dir.resolve("state").toString(), "BRAINSTEM_SYSLOG_PORT", "off")));
        log = dir.resolve("app.log");
    }

    @AfterEach
    void stop() {
        brainstem.close();
    }

    private FileIntake intake(boolean follow) {
        FileIntake.Options options = new FileIntake.Options(log, TenantId.of("t"), "app.log", DatabaseRef.DEFAULT, 2,
                2, follow, 20);
        return new FileIntake(brainstem.ingest(), (db, key) -> brainstem.ingest().cursorPosition(db, key), options,
                new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()), false));
    }

    private List<String> messages() {
        return brainstem.inspection().rawEnvelopes(DatabaseRef.DEFAULT, EnvelopeFilter.ofStatuses(Set.of()), 1000)
                .reversed().stream().map(e -> e.content().messageRaw()).toList();
    }

    private void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aLineLongerThanTheMessageCapIsKeptCutWithItsLength() throws Exception {
        String longLine = "disk sda dump " + "d".repeat(200_000);
        append(log, longLine + "\nlink eth0 down\n");
        assertEquals(2, intake(false).run(FileIntake.NEVER).lines());

        var stored = brainstem.inspection().rawEnvelopes(DatabaseRef.DEFAULT, EnvelopeFilter.ofStatuses(Set.of()), 10)
                .reversed();
        assertEquals(longLine.substring(0, 65_536), stored.get(0).content().messageRaw());
        assertEquals(true, stored.get(0).content().metadata().get("message_truncated"));
        assertEquals(200_014L, ((Number) stored.get(0).content().metadata().get("message_original_bytes")).longValue());
        assertEquals("link eth0 down", stored.get(1).content().messageRaw(), "the next line is read as it is");
    }

    @Test
    void runningAgainNeitherRepeatsNorSkipsALine() throws Exception {
        append(log, "disk sda warning 91%\n\nlink eth0 down\nlink eth0 up\n");
        assertEquals(3, intake(false).run(FileIntake.NEVER).lines());
        assertEquals(0, intake(false).run(FileIntake.NEVER).lines());
        append(log, "link eth1 down\nfan 2 failed");
        assertEquals(2, intake(false).run(FileIntake.NEVER).lines());
        assertEquals(List.of("disk sda warning 91%", "link eth0 down", "link eth0 up", "link eth1 down",
                "fan 2 failed"), messages());
        RawEnvelope first = brainstem.inspection().rawEnvelopes(DatabaseRef.DEFAULT,
                EnvelopeFilter.ofStatuses(Set.of()), 1000).getLast();
        assertEquals("file", first.content().sourceType());
        assertEquals(log.toAbsolutePath().toString(), first.content().sourcePath());
    }

    @Test
    void followPicksUpNewLinesAndSurvivesRotation() throws Exception {
        append(log, "one\ntwo\n");
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<FileIntake.Summary> running = CompletableFuture.supplyAsync(() -> {
            try {
                return intake(true).run(stop::get);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        await(() -> messages().size() == 2);
        append(log, "three\n");
        await(() -> messages().size() == 3);
        Files.move(log, dir.resolve("app.log.1"));
        append(dir.resolve("app.log.1"), "four (written to the old file after rotation)\n");
        append(log, "five (new file)\n");
        await(() -> messages().size() == 5);
        stop.set(true);
        assertEquals(5, running.get().lines());
        List<String> got = messages();
        assertTrue(got.containsAll(List.of("one", "two", "three", "four (written to the old file after rotation)",
                "five (new file)")), got.toString());
    }
}
