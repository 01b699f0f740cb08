package io.brainstem.adapters.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.application.port.out.StorageException;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.event.CanonicalEvent;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyslogUdpListenerTest {

    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final SyslogIntakeFixture fixture = new SyslogIntakeFixture();
    private DatagramSocket sender;
    private SyslogUdpListener listener;

    @BeforeEach
    void openSender() throws IOException {
        sender = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void closeAll() {
        if (listener != null) {
            listener.close();
        }
        sender.close();
    }

    @Test
    void eachDatagramBecomesOneLabelledEnvelopeWithTheHostFromTheMessage() throws IOException {
        listener = SyslogUdpListener.start(ANY_PORT, fixture.ingest, SyslogIntakeFixture.settings(), null);

        send("<34>Oct 11 22:14:15 fw-01 sshd[4242]: Failed password for root from 10.1.2.3 port 5022\n");
        send("<165>1 2024-05-01T10:00:00.123Z core-r1 bgpd 77 ADJ [meta seq=\"1\"] neighbor 10.0.0.2 Down\r\n\0");
        awaitStored(2);

        List<RawEnvelope> stored = fixture.envelopes();
        assertEquals(2, stored.size());
        String path = "udp://127.0.0.1:" + listener.address().getPort();
        for (RawEnvelope e : stored) {
            assertEquals(EnvelopeStatus.CANONICALIZED, e.status(), () -> e.failureReason().orElse(""));
            assertEquals("syslog", e.content().sourceType());
            assertEquals("edge-syslog", e.content().sourceId());
            assertEquals(path, e.content().sourcePath());
            assertEquals(SyslogIntakeFixture.TENANT, e.tenantId());
            assertNull(e.content().host(), "the sender must not pose as a client-sent host");
            assertEquals(Map.of("transport", "udp", "sender_address", "127.0.0.1",
                    "sender_port", sender.getLocalPort()), e.content().metadata());
        }
        assertEquals("<34>Oct 11 22:14:15 fw-01 sshd[4242]: Failed password for root from 10.1.2.3 port 5022",
                stored.get(0).content().messageRaw(), "the trailing newline is framing, not message");
        assertTrue(stored.get(1).content().messageRaw().endsWith("neighbor 10.0.0.2 Down"));
        assertEquals("fw-01", event(stored.get(0)).host());
        assertEquals("core-r1", event(stored.get(1)).host());
        assertEquals(path, event(stored.get(1)).sourcePath());
        assertEquals(counters(2, 2, 0), accounting());
    }

    @Test
    void aMessageWithoutHostnameTakesTheSenderAsHost() throws IOException {
        listener = SyslogUdpListener.start(ANY_PORT, fixture.ingest, SyslogIntakeFixture.settings(), null);

        send("<13>sshd[99]: Accepted publickey for deploy");
        awaitStored(1);

        RawEnvelope envelope = fixture.envelopes().getFirst();
        assertEquals(EnvelopeStatus.CANONICALIZED, envelope.status(), () -> envelope.failureReason().orElse(""));
        assertNull(envelope.content().host());
        assertEquals("127.0.0.1", envelope.content().metadata().get("sender_address"));
        CanonicalEvent event = event(envelope);
        assertEquals("127.0.0.1", event.host());
        assertEquals("sender", event.fieldSources().get("host"));
    }

    @Test
    void garbageIsStoredAsParseFailedAndIntakeGoesOn() throws IOException {
        listener = SyslogUdpListener.start(ANY_PORT, fixture.ingest, SyslogIntakeFixture.settings(), null);
        byte[] binary = new byte[512];
        new Random(7).nextBytes(binary);
        byte[] blob = new byte[65_000];
        Arrays.fill(blob, (byte) 0xFF);

        send(new byte[0]);
        send(binary);
        send("<999>bad priority".getBytes(UTF_8));
        send(blob);
        send("<14>Oct 11 22:14:15 sw-07 link: Interface Gi1/0/3 changed state to up".getBytes(UTF_8));
        awaitStored(5);

        List<RawEnvelope> stored = fixture.envelopes();
        assertEquals(List.of(EnvelopeStatus.PARSE_FAILED, EnvelopeStatus.PARSE_FAILED, EnvelopeStatus.PARSE_FAILED,
                EnvelopeStatus.PARSE_FAILED, EnvelopeStatus.CANONICALIZED),
                stored.stream().map(RawEnvelope::status).toList());
        assertEquals("", stored.get(0).content().messageRaw());
        assertTrue(stored.get(0).failureReason().orElseThrow().contains("empty"));
        assertTrue(stored.get(1).failureReason().orElseThrow().contains("not text"));
        assertTrue(stored.get(2).failureReason().orElseThrow().contains("out of range"));
        // 65,000 invalid bytes read as 65,000 U+FFFD, 3 bytes each in UTF-8: kept cut to the 64 KiB message cap
        assertEquals(65_536 / 3, stored.get(3).content().messageRaw().length(), "a blob is stored cut to the cap");
        assertEquals(true, stored.get(3).content().metadata().get("message_truncated"));
        assertEquals(195_000L, ((Number) stored.get(3).content().metadata().get("message_original_bytes")).longValue());
        assertEquals(counters(5, 5, 0), accounting());
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlockingTheReceiver() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        LongAdder ingested = new LongAdder();
        IngestEventsUseCase blocked = command -> {
            awaitQuietly(release);
            ingested.add(command.envelopes().size());
            return fixture.ingest.ingest(command);
        };
        listener = SyslogUdpListener.start(ANY_PORT, blocked,
                SyslogIntakeFixture.settings().withQueue(10, 5), null);

        for (int i = 0; i < 100; i++) {
            send("<14>Oct 11 22:14:15 sw-07 flood: message " + i);
        }
        Eventually.await("all 100 datagrams received", () -> listener.counters().get("received") == 100,
                listener::counters);
        Map<String, Long> whileBlocked = listener.counters();
        assertTrue(whileBlocked.get("dropped_queue_full") >= 85, whileBlocked::toString);
        assertEquals(0L, whileBlocked.get("stored"));
        assertEquals(100L, whileBlocked.get("dropped_queue_full") + whileBlocked.get("queued"), whileBlocked::toString);

        release.countDown();
        Eventually.await("the queue drained", () -> listener.counters().get("queued") == 0, listener::counters);
        Map<String, Long> after = listener.counters();
        assertEquals(100L, after.get("stored") + after.get("dropped_queue_full"), after::toString);
        assertEquals(ingested.sum(), after.get("stored"));
        assertEquals(after.get("stored").intValue(), fixture.envelopes().size());
    }

    @Test
    void aBatchThatFailsToCommitIsRetriedNotLost() throws IOException {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        IngestEventsUseCase flaky = command -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new StorageException("database is locked (SQLITE_BUSY)");
            }
            return fixture.ingest.ingest(command);
        };
        listener = SyslogUdpListener.start(ANY_PORT, flaky, SyslogIntakeFixture.settings(), null);

        send("<14>Oct 11 22:14:15 vpn-1 ipsec: tunnel 17 to 198.51.100.4 re-keyed");
        awaitStored(1);

        assertEquals(1, fixture.envelopes().size());
        Map<String, Long> counters = listener.counters();
        assertEquals(2L, counters.get("store_retries"));
        assertEquals(0L, counters.get("store_failures"));
        assertEquals(0L, counters.get("lost"));
    }

    @Test
    void anErrorFromABugIsRetriedAndTheWriterLivesOn() throws IOException {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        IngestEventsUseCase buggy = command -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new AssertionError("a bug, not an exception");
            }
            return fixture.ingest.ingest(command);
        };
        listener = SyslogUdpListener.start(ANY_PORT, buggy, SyslogIntakeFixture.settings(), null);

        send("<14>Oct 11 22:14:15 vpn-1 ipsec: tunnel 17 to 198.51.100.4 re-keyed");
        awaitStored(1);
        send("<14>Oct 11 22:14:16 vpn-1 ipsec: tunnel 18 to 198.51.100.5 re-keyed");
        awaitStored(2);

        Map<String, Long> counters = listener.counters();
        assertEquals(2L, counters.get("store_retries"));
        assertEquals(0L, counters.get("lost"));
        assertEquals(1L, counters.get("writer_alive"));
    }

    @Test
    void aWriterKilledByTheVirtualMachineSaysSo() throws IOException {
        IngestEventsUseCase dying = command -> {
            throw new StackOverflowError("the JVM is not fit to go on");
        };
        listener = SyslogUdpListener.start(ANY_PORT, dying, SyslogIntakeFixture.settings(), null);

        send("<14>Oct 11 22:14:15 vpn-1 ipsec: tunnel 17 to 198.51.100.4 re-keyed");

        Eventually.await("the writer is seen dead", () -> listener.counters().get("writer_alive") == 0L,
                listener::counters);
        assertEquals(0L, listener.counters().get("stored"));
        assertEquals(1L, listener.counters().get("queued"), "what it held is counted, not forgotten");
    }

    @Test
    void closingCommitsWhatIsQueued() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        IngestEventsUseCase gated = command -> {
            awaitQuietly(release);
            return fixture.ingest.ingest(command);
        };
        listener = SyslogUdpListener.start(ANY_PORT, gated, SyslogIntakeFixture.settings().withQueue(1_000, 3), null);
        for (int i = 0; i < 30; i++) {
            send("<14>Oct 11 22:14:15 sw-07 queued: message " + i);
        }
        Eventually.await("30 received", () -> listener.counters().get("received") == 30, listener::counters);

        release.countDown();
        listener.close();

        assertEquals(30, fixture.envelopes().size());
        assertEquals(counters(30, 30, 0), accounting());
        listener = null;
    }

    @Test
    void closingReadsWhatTheSocketBufferStillHoldsBeforeItStops() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        listener = SyslogUdpListener.start(ANY_PORT, fixture.ingest, SyslogIntakeFixture.settings(), null,
                () -> awaitQuietly(gate));
        // a burst the receiver has not read yet (it waits at the gate): on loopback each datagram is in the
        // listener's socket buffer once send returns; 300 small ones fit in any buffer Linux grants
        int burst = 300;
        for (int i = 0; i < burst; i++) {
            send("<30>Dec  3 10:00:00 fw-01 charon: burst message " + i);
        }
        gate.countDown();
        listener.close(); // what SIGTERM does

        assertEquals(counters(burst, burst, 0), accounting(), "every datagram in the buffer was read and stored");
        assertEquals(burst, fixture.envelopes().size());
        listener = null;
    }

    private void send(String text) throws IOException {
        send(text.getBytes(UTF_8));
    }

    private void send(byte[] bytes) throws IOException {
        sender.send(new DatagramPacket(bytes, bytes.length, listener.address()));
    }

    private void awaitStored(long n) {
        Eventually.await(n + " stored", () -> listener.counters().get("stored") >= n, listener::counters);
    }

    private CanonicalEvent event(RawEnvelope envelope) {
        return fixture.event(envelope).orElseThrow();
    }

    private Map<String, Long> accounting() {
        Map<String, Long> c = listener.counters();
        assertFalse(c.get("receive_buffer_bytes") <= 0);
        return Map.of("received", c.get("received"), "stored", c.get("stored"), "dropped_queue_full",
                c.get("dropped_queue_full"), "queued", c.get("queued"), "lost", c.get("lost"));
    }

    private static Map<String, Long> counters(long received, long stored, long dropped) {
        return Map.of("received", received, "stored", stored, "dropped_queue_full", dropped, "queued", 0L,
                "lost", 0L);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
