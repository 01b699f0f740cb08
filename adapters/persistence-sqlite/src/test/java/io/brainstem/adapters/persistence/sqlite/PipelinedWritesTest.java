package io.brainstem.adapters.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.out.CommitTelemetry;
import io.brainstem.application.port.out.StorageException;
import io.brainstem.application.port.out.UnitOfWork;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.TenantId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes are pipelined (ADR 13): the work of one write runs while the write before it commits, commits keep
 * the order of the work, and work that turns out to rest on stale state runs again. The committer is held
 * inside a commit with a latch, so each interleaving is made to happen, not hoped for. Writes queued behind a
 * commit are committed together (group commit), and a failing one fails alone.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a commit that is never completed fails the test, not the build
class PipelinedWritesTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final TenantId TENANT = new TenantId("pipe");

    @TempDir
    Path dir;

    private SqliteStorage storage;
    private SqliteDatabase db;
    private final RecordingCommits commits = new RecordingCommits();

    @BeforeEach
    void open() {
        storage = new SqliteStorage(dir.resolve("pipe.sqlite3"), commits);
        db = (SqliteDatabase) storage.unitOfWork();
        receive(storage, "warm-up"); // the first write reads the id maximum, so it commits itself
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void theNextWriteWorksWhileTheOneBeforeCommits() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        UnitOfWork.Commit<List<RawEnvelope>> first = writeHeldInCommit(release, "a1", "a2");

        UnitOfWork.Commit<List<RawEnvelope>> second = db.writeAhead(() -> receiveHere("b1", "b2", "b3"));
        // the second write's work is done although the first is not committed yet
        assertEquals(List.of("warm-up"), storedMessages());

        release.countDown();
        List<RawEnvelope> a = first.join();
        List<RawEnvelope> b = second.join();
        assertEquals(a.getLast().id().value() + 1, b.getFirst().id().value());
        assertEquals(List.of("warm-up", "a1", "a2", "b1", "b2", "b3"), storedMessages());
    }

    @Test
    void aFailedCommitMakesLaterWorkRunAgainOnWhatWasCommitted() throws Exception {
        CountDownLatch inCommit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        long epoch = db.stateEpoch();
        UnitOfWork.Commit<List<RawEnvelope>> failing = db.writeAhead(() -> {
            List<RawEnvelope> got = receiveHere("lost1", "lost2");
            db.later(session -> {
                hold(inCommit, release);
                throw new StorageException("disk full (simulated)");
            });
            return got;
        });
        assertTrue(inCommit.await(10, TimeUnit.SECONDS));
        AtomicInteger runs = new AtomicInteger();
        UnitOfWork.Commit<List<RawEnvelope>> later = db.writeAhead(() -> {
            runs.incrementAndGet();
            return receiveHere("kept1", "kept2", "kept3");
        });
        release.countDown();

        StorageException failure = assertThrows(StorageException.class, failing::join);
        assertTrue(failure.getMessage().contains("disk full"), failure.getMessage());
        List<RawEnvelope> kept = later.join();
        assertEquals(2, runs.get(), "the work built on the failed commit ran again");
        assertNotEquals(epoch, db.stateEpoch(), "caches of the database are told");
        assertEquals(List.of("warm-up", "kept1", "kept2", "kept3"), storedMessages());
        assertEquals(2, kept.getFirst().id().value(), "the failed write's ids are handed out again");
    }

    @Test
    void writesQueuedBehindACommitGoInOneTransaction() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        UnitOfWork.Commit<List<RawEnvelope>> held = writeHeldInCommit(release, "h");
        long before = db.transactions();
        List<UnitOfWork.Commit<List<RawEnvelope>>> queued = new ArrayList<>();
        for (String m : List.of("q1", "q2", "q3")) {
            queued.add(db.writeAhead(() -> receiveHere(m)));
        }
        release.countDown();
        held.join();
        queued.forEach(UnitOfWork.Commit::join);

        assertEquals(before + 2, db.transactions(), "the held commit, then the three queued writes together");
        assertEquals(List.of("warm-up", "h", "q1", "q2", "q3"), storedMessages());
        assertEquals(List.of(1, 1, 3), commits.writes(), "reported as they committed: warm-up, held, the group");
        assertTrue(commits.nanos.stream().allMatch(n -> n > 0), commits.nanos.toString());
    }

    @Test
    void aFailingWriteInAGroupFailsAloneAndTheWorkAfterItRunsAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        UnitOfWork.Commit<List<RawEnvelope>> held = writeHeldInCommit(release, "h");
        UnitOfWork.Commit<List<RawEnvelope>> good = db.writeAhead(() -> receiveHere("good"));
        UnitOfWork.Commit<List<RawEnvelope>> bad = db.writeAhead(() -> {
            List<RawEnvelope> got = receiveHere("bad");
            db.later(session -> {
                throw new StorageException("constraint failed (simulated)");
            });
            return got;
        });
        AtomicInteger runs = new AtomicInteger();
        UnitOfWork.Commit<List<RawEnvelope>> after = db.writeAhead(() -> {
            runs.incrementAndGet();
            return receiveHere("after");
        });
        release.countDown();
        held.join();

        good.join();
        StorageException failure = assertThrows(StorageException.class, bad::join);
        assertTrue(failure.getMessage().contains("constraint failed"), failure.getMessage());
        after.join();
        assertEquals(1, commits.failed.get(), "the failing write, once it failed alone");
        assertEquals(2, runs.get(), "the work after the failed write ran again");
        assertEquals(List.of("warm-up", "h", "good", "after"), storedMessages());
    }

    @Test
    void anotherProcessWritingInBetweenMakesTheWorkRunAgainWithFreshIds() {
        try (SqliteStorage other = new SqliteStorage(dir.resolve("pipe.sqlite3"))) {
            receive(other, "o1", "o2"); // this process's in-memory next id is now taken
            AtomicInteger runs = new AtomicInteger();
            List<RawEnvelope> mine = db.writeAhead(() -> {
                runs.incrementAndGet();
                return receiveHere("m1", "m2");
            }).join();

            assertEquals(2, runs.get());
            assertEquals(List.of(4L, 5L), mine.stream().map(e -> e.id().value()).toList());
            assertEquals(List.of("warm-up", "o1", "o2", "m1", "m2"), storedMessages());
        }
    }

    @Test
    void workThatReadsTakesTheConnectionAfterQueuedCommits() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        UnitOfWork.Commit<List<RawEnvelope>> first = writeHeldInCommit(release, "q1");
        Thread.ofPlatform().start(() -> {
            awaitQuietly(() -> db.waitingToAttach() > 0);
            release.countDown();
        });
        // reading inside a write waits for the queued commit, so it sees it
        List<RawEnvelope> seen = db.write(() -> storage.rawEnvelopes().findAfter(0, List.of(), null, 10));
        assertEquals(List.of("warm-up", "q1"), seen.stream().map(e -> e.content().messageRaw()).toList());
        assertEquals(1, first.join().size());
    }

    @Test
    void aFailedCommitOfWorkThatReadIsReportedAndRolledBack() {
        StorageException failure = assertThrows(StorageException.class, () -> db.write(() -> {
            storage.rawEnvelopes().findAfter(0, List.of(), null, 1); // takes the connection: commits itself
            List<RawEnvelope> got = receiveHere("gone");
            db.later(session -> {
                throw new StorageException("disk full (simulated)");
            });
            return got;
        }));
        assertEquals("disk full (simulated)", failure.getMessage());

        List<RawEnvelope> next = db.write(() -> receiveHere("next"));
        assertEquals(2, next.getFirst().id().value(), "the rolled-back ids are handed out again");
        assertEquals(List.of("warm-up", "next"), storedMessages());
    }

    @Test
    void committedPagesReachTheDatabaseFileWithoutTheWriterCheckpointing() throws Exception {
        Path file = dir.resolve("pipe.sqlite3");
        awaitQuietly(() -> db.backgroundCheckpoints() > 0); // the warm-up's checkpoint
        long before = java.nio.file.Files.size(file);
        long checkpoints = db.backgroundCheckpoints();
        String[] lines = new String[2_000];
        java.util.Arrays.setAll(lines, i -> "line " + i + " ".repeat(200));
        db.write(() -> receiveHere(lines)); // ~100 pages: far below the writer's own auto-checkpoint

        awaitQuietly(() -> db.backgroundCheckpoints() > checkpoints);
        assertTrue(db.backgroundCheckpoints() > checkpoints, "the checkpointer ran after the commit");
        assertTrue(java.nio.file.Files.size(file) > before + 100 * 4096L,
                "the rows were copied from the WAL into the database file");
    }

    @Test
    void closingCommitsWhatIsQueued() {
        List<UnitOfWork.Commit<List<RawEnvelope>>> pending = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String message = "c" + i;
            pending.add(db.writeAhead(() -> receiveHere(message)));
        }
        storage.close();
        pending.forEach(UnitOfWork.Commit::join);
        storage = new SqliteStorage(dir.resolve("pipe.sqlite3"));
        db = (SqliteDatabase) storage.unitOfWork();
        List<String> expected = new ArrayList<>(List.of("warm-up"));
        for (int i = 0; i < 20; i++) {
            expected.add("c" + i);
        }
        assertEquals(expected, storedMessages());
    }

    /** What the database reports about its commits. */
    private static final class RecordingCommits implements CommitTelemetry {
        final List<Integer> writes = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failed = new AtomicInteger();

        @Override
        public void committed(int count, long took) {
            writes.add(count);
            nanos.add(took);
        }

        @Override
        public void failed(int count) {
            failed.addAndGet(count);
        }

        List<Integer> writes() {
            return List.copyOf(writes);
        }
    }

    /** A write whose commit the committer has entered and stays in until {@code release}. */
    private UnitOfWork.Commit<List<RawEnvelope>> writeHeldInCommit(CountDownLatch release, String... messages)
            throws InterruptedException {
        CountDownLatch inCommit = new CountDownLatch(1);
        UnitOfWork.Commit<List<RawEnvelope>> held = db.writeAhead(() -> {
            List<RawEnvelope> got = receiveHere(messages);
            db.later(session -> hold(inCommit, release));
            return got;
        });
        assertTrue(inCommit.await(10, TimeUnit.SECONDS), "the committer is inside the held commit");
        return held;
    }

    private static void hold(CountDownLatch entered, CountDownLatch release) {
        entered.countDown();
        try {
            if (!release.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private List<RawEnvelope> receiveHere(String... messages) {
        List<EnvelopeContent> contents = new ArrayList<>();
        for (String m : messages) {
            contents.add(EnvelopeContent.builder(TENANT).sourceType("syslog").sourceId("s1").messageRaw(m).build());
        }
        return storage.rawEnvelopes().receiveAll(contents, AT);
    }

    private static void receive(SqliteStorage target, String... messages) {
        List<EnvelopeContent> contents = new ArrayList<>();
        for (String m : messages) {
            contents.add(EnvelopeContent.builder(TENANT).sourceType("syslog").sourceId("s1").messageRaw(m).build());
        }
        target.unitOfWork().write(() -> target.rawEnvelopes().receiveAll(contents, AT));
    }

    private List<String> storedMessages() {
        return storage.unitOfWork().read(() -> storage.rawEnvelopes().findAfter(0, List.of(), null, 1_000))
                .stream().map(e -> e.content().messageRaw()).toList();
    }
}
