package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.content;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UnitOfWork} must do, whatever the store: a write commits or leaves nothing, a pipelined
 * write is durable once joined, concurrent writes serialize, and the state epoch stays put while this process is
 * the only writer and nothing failed.
 */
public abstract class UnitOfWorkContract {

    protected abstract Storage storage();

    private static RawEnvelope receiveOne(Storage s, String message) {
        return s.rawEnvelopes().receiveAll(List.of(content(message)), T0).get(0);
    }

    private static boolean stored(Storage s, RawEnvelopeId id) {
        return s.unitOfWork().read(() -> s.rawEnvelopes().findById(id)).isPresent();
    }

    @Test
    void aWriteCommitsWhenItsWorkReturns() {
        Storage s = storage();
        RawEnvelope e = s.unitOfWork().write(() -> receiveOne(s, "link eth0 down"));
        assertTrue(stored(s, e.id()));
        assertEquals("link eth0 down", s.unitOfWork().read(() -> s.rawEnvelopes().findById(e.id())).orElseThrow()
                .content().messageRaw());
    }

    @Test
    void aWriteWhoseWorkThrowsLeavesNothingAndRethrowsTheSameException() {
        Storage s = storage();
        List<RawEnvelopeId> seen = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> s.unitOfWork().write(() -> {
            seen.add(receiveOne(s, "first of a failed unit").id());
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals(1, seen.size());
        assertTrue(!stored(s, seen.get(0)), "a rolled-back envelope must not be found");
        RawEnvelope after = s.unitOfWork().write(() -> receiveOne(s, "after the failure"));
        assertTrue(stored(s, after.id()), "the store keeps working after a rollback");
    }

    @Test
    void aPipelinedWriteIsDurableOnceJoinedAndCommitsInTheOrderItsWorkRan() {
        Storage s = storage();
        List<UnitOfWork.Commit<RawEnvelope>> commits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String message = "pipelined " + i;
            commits.add(s.unitOfWork().writeAhead(() -> receiveOne(s, message)));
        }
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < commits.size(); i++) {
            RawEnvelope e = commits.get(i).join();
            assertEquals("pipelined " + i, e.content().messageRaw());
            assertTrue(e.id().value() > previous, "ids follow the order the work ran");
            previous = e.id().value();
            assertTrue(stored(s, e.id()));
        }
    }

    @Test
    void aPipelinedWriteWhoseWorkThrowsFailsOnJoinAtTheLatest() {
        Storage s = storage();
        IllegalArgumentException boom = new IllegalArgumentException("bad batch");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> s.unitOfWork().<RawEnvelope>writeAhead(() -> {
                    receiveOne(s, "never committed");
                    throw boom;
                }).join());
        assertSame(boom, thrown);
        assertEquals(List.of(), s.unitOfWork().read(() -> s.rawEnvelopes().findAfter(0,
                Set.of(EnvelopeStatus.RECEIVED), Instant.EPOCH, 10)));
    }

    @Test
    void concurrentWritesSerializeAndAllCommit() throws InterruptedException {
        Storage s = storage();
        int threads = 4;
        int each = 25;
        ConcurrentLinkedQueue<RawEnvelopeId> ids = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        String message = "thread " + thread + " write " + i;
                        ids.add(s.unitOfWork().write(() -> receiveOne(s, message)).id());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertEquals(List.of(), List.copyOf(failures));
        assertEquals(threads * each, Set.copyOf(ids).size(), "every write got its own id");
        assertEquals(threads * each, s.unitOfWork().read(() -> s.rawEnvelopes().findByIds(List.copyOf(ids))).size());
    }

    @Test
    void theStateEpochStaysPutWhileThisProcessIsTheOnlyWriterAndNothingFailed() {
        Storage s = storage();
        long before = s.unitOfWork().write(() -> s.unitOfWork().stateEpoch());
        for (int i = 0; i < 3; i++) {
            String message = "quiet " + i;
            s.unitOfWork().write(() -> receiveOne(s, message));
        }
        assertEquals(before, (long) s.unitOfWork().write(() -> s.unitOfWork().stateEpoch()));
    }

    @Test
    void aTenantClaimCountsCommittedWritesOnlyOrIsNotCounted() {
        Storage s = storage();
        io.brainstem.domain.envelope.TenantId t = io.brainstem.domain.envelope.TenantId.of("claimed");
        long first = s.unitOfWork().write(() -> s.unitOfWork().claimTenant(t));
        if (first < 0) {
            assertEquals(-1L, (long) s.unitOfWork().write(() -> s.unitOfWork().claimTenant(t)));
            return;
        }
        assertEquals(0L, first, "no write of a new tenant came before");
        long[] twice = s.unitOfWork().write(() -> new long[] {s.unitOfWork().claimTenant(t),
            s.unitOfWork().claimTenant(t)});
        assertEquals(1L, twice[0]);
        assertEquals(1L, twice[1], "claiming again in the same write changes nothing");
        assertThrows(IllegalStateException.class, () -> s.unitOfWork().write(() -> {
            s.unitOfWork().claimTenant(t);
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(2L, (long) s.unitOfWork().write(() -> s.unitOfWork().claimTenant(t)),
                "a rolled-back write is not counted");
        assertEquals(0L, (long) s.unitOfWork().write(() -> s.unitOfWork().claimTenant(
                io.brainstem.domain.envelope.TenantId.of("another"))), "each tenant counts its own writes");
    }
}
