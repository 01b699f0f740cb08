package io.brainstem.adapters.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyslogTcpListenerTest {

    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final SyslogIntakeFixture fixture = new SyslogIntakeFixture();
    private SyslogTcpListener listener;

    @AfterEach
    void close() {
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void octetCountedAndNewlineFramesShareOneConnectionSplitAcrossWrites() throws IOException {
        listener = SyslogTcpListener.start(ANY_PORT, fixture.ingest, SyslogIntakeFixture.settings(), null);
        String first = "<165>1 2024-05-01T10:00:00Z core-r1 bgpd - - - neighbor 10.0.0.2 Down";
        String second = "<34>Oct 11 22:14:15 fw-01 sshd[7]: Failed password for root";
        String third = "<14>Oct 11 22:14:16 sw-07 link: Gi1/0/3 up";

        try (Socket socket = new Socket(listener.address().getAddress(), listener.address().getPort())) {
            OutputStream out = socket.getOutputStream();
            String stream = first.length() + " " + first + second + "\r\n" + third + "\n";
            byte[] bytes = stream.getBytes(UTF_8);
            int from = 0;
            for (int cut : new int[] {1, 10, first.length() + 5, bytes.length - 3, bytes.length}) {
                out.write(bytes, from, cut - from); // inside the length, the header, the second frame, its LF
                out.flush();
                from = cut;
            }
            Eventually.await("3 stored", () -> listener.counters().get("stored") == 3, listener::counters);
        }

        List<RawEnvelope> stored = fixture.envelopes();
        assertEquals(List.of(first, second, third), stored.stream().map(e -> e.content().messageRaw()).toList());
        assertEquals(List.of("core-r1", "fw-01", "sw-07"),
                stored.stream().map(e -> fixture.event(e).orElseThrow().host()).toList());
        RawEnvelope e = stored.getFirst();
        assertEquals("tcp://127.0.0.1:" + listener.address().getPort(), e.content().sourcePath());
        assertEquals("tcp", e.content().metadata().get("transport"));
        assertEquals("127.0.0.1", e.content().metadata().get("sender_address"));
        Eventually.await("the connection closed", () -> listener.counters().get("connections_open") == 0,
                listener::counters);
        Map<String, Long> counters = listener.counters();
        assertEquals(1L, counters.get("connections_accepted"));
        assertEquals(3L, counters.get("frames"));
        assertEquals(3L, counters.get("received"));
        assertEquals(3L, counters.get("stored"));
    }

    @Test
    void anOverlongFrameIsStoredCutWithItsHeader() throws IOException {
        listener = SyslogTcpListener.start(ANY_PORT, fixture.ingest,
                SyslogIntakeFixture.settings().withMaxFrameBytes(1_024), null);
        String header = "<14>Oct 11 22:14:16 sw-07 dump: ";
        String huge = header + "y".repeat(5_000);

        try (Socket socket = new Socket(listener.address().getAddress(), listener.address().getPort())) {
            socket.getOutputStream().write((huge + "\n" + huge.length() + " " + huge + "<14>after\n").getBytes(UTF_8));
            Eventually.await("3 stored", () -> listener.counters().get("stored") == 3, listener::counters);
        }

        List<RawEnvelope> stored = fixture.envelopes();
        for (RawEnvelope e : stored.subList(0, 2)) {
            assertEquals(huge.substring(0, 1_024), e.content().messageRaw());
            assertEquals(true, e.content().metadata().get("frame_truncated"));
            assertEquals(true, e.content().metadata().get("message_truncated"));
            assertEquals((long) huge.length(), ((Number) e.content().metadata().get("message_original_bytes"))
                    .longValue());
            assertEquals("sw-07", fixture.event(e).orElseThrow().host());
        }
        assertEquals("<14>after", stored.get(2).content().messageRaw());
        assertEquals(EnvelopeStatus.CANONICALIZED, stored.get(2).status());
        assertEquals(2L, listener.counters().get("frames_truncated"));
    }

    @Test
    void anOctetCountAboveTheLimitDoesNotSwallowTheLinesAfterIt() throws IOException {
        listener = SyslogTcpListener.start(ANY_PORT, fixture.ingest,
                SyslogIntakeFixture.settings().withMaxFrameBytes(1_024), null);
        String first = "<14>Oct 11 22:14:16 sw-07 link: Gi1/0/1 down";
        List<String> after = List.of("<14>Oct 11 22:14:17 sw-07 link: Gi1/0/2 down",
                "<14>Oct 11 22:14:18 sw-07 link: Gi1/0/3 down");

        try (Socket socket = new Socket(listener.address().getAddress(), listener.address().getPort())) {
            socket.getOutputStream().write(("999999 " + first + "\n" + String.join("\n", after) + "\n")
                    .getBytes(UTF_8));
            Eventually.await("3 stored", () -> listener.counters().get("stored") == 3, listener::counters);
        }

        assertEquals(List.of(first, after.get(0), after.get(1)),
                fixture.envelopes().stream().map(e -> e.content().messageRaw()).toList());
        assertEquals(1L, listener.counters().get("octet_counts_over_limit"));
        assertEquals(0L, listener.counters().get("frames_truncated"));
    }

    @Test
    void aQuietConnectionIsClosedAfterTheIdleTimeout() throws IOException {
        listener = SyslogTcpListener.start(ANY_PORT, fixture.ingest,
                SyslogIntakeFixture.settings().withTcpConnections(java.time.Duration.ofMillis(200), 10), null);

        try (Socket socket = new Socket(listener.address().getAddress(), listener.address().getPort())) {
            socket.setSoTimeout(10_000);
            assertEquals(-1, socket.getInputStream().read(), "the server closes the quiet connection");
        }
        Eventually.await("counted and let go", () -> listener.counters().get("connections_idle_closed") == 1
                && listener.counters().get("connections_open") == 0, listener::counters);
    }

    @Test
    void beyondTheConnectionCapANewConnectionIsClosedAndTheOthersGoOn() throws IOException {
        listener = SyslogTcpListener.start(ANY_PORT, fixture.ingest,
                SyslogIntakeFixture.settings().withTcpConnections(java.time.Duration.ZERO, 2), null);
        InetSocketAddress at = listener.address();

        try (Socket one = new Socket(at.getAddress(), at.getPort()); Socket two = new Socket(at.getAddress(), at.getPort())) {
            Eventually.await("2 open", () -> listener.counters().get("connections_open") == 2, listener::counters);
            try (Socket three = new Socket(at.getAddress(), at.getPort())) {
                three.setSoTimeout(10_000);
                assertEquals(-1, three.getInputStream().read(), "the connection over the cap is closed");
            }
            one.getOutputStream().write("<14>Oct 11 22:14:16 sw-07 link: Gi1/0/1 up\n".getBytes(UTF_8));
            Eventually.await("stored", () -> listener.counters().get("stored") == 1, listener::counters);
        }
        assertEquals(1L, listener.counters().get("connections_refused"));
    }

    @Test
    void aFullQueueMakesTheSenderWaitInsteadOfDropping() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        IngestEventsUseCase blocked = command -> {
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return fixture.ingest.ingest(command);
        };
        listener = SyslogTcpListener.start(ANY_PORT, blocked, SyslogIntakeFixture.settings().withQueue(10, 5), null);

        try (Socket socket = new Socket(listener.address().getAddress(), listener.address().getPort())) {
            OutputStream out = socket.getOutputStream();
            StringBuilder frames = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                frames.append("<14>Oct 11 22:14:16 sw-07 flood: frame ").append(i).append('\n');
            }
            out.write(frames.toString().getBytes(UTF_8));
            out.flush();
            Eventually.await("the queue full", () -> listener.counters().get("queued") == 15, listener::counters);
            assertEquals(0L, listener.counters().get("dropped_queue_full"));

            release.countDown();
            Eventually.await("all 200 stored", () -> listener.counters().get("stored") == 200, listener::counters);
        }
        assertEquals(0L, listener.counters().get("dropped_queue_full"));
        assertEquals(200, fixture.envelopes().size());
    }
}
