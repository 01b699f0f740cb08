package io.brainstem.adapters.syslog;

import static io.brainstem.adapters.syslog.Sockets.closeQuietly;
import static io.brainstem.adapters.syslog.Sockets.hostPort;
import static io.brainstem.adapters.syslog.Sockets.join;
import static io.brainstem.adapters.syslog.Sockets.sourcePath;

import io.brainstem.adapters.syslog.SyslogBatchWriter.Received;
import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.domain.envelope.EnvelopeContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Syslog over UDP: one datagram is one message (RFC 3164 or RFC 5424, see {@link SyslogText} for the
 * bytes). One platform thread receives into a reused buffer and only queues the text: it never waits for
 * the database; when the queue is full the datagram is dropped and counted. Envelopes carry
 * {@code source_type=syslog}, the configured tenant and source id, {@code source_path=udp://host:port} of
 * this listener, and metadata {@code transport}, {@code sender_address}, {@code sender_port}. The sender is
 * deliberately not the envelope's {@code host}: that field means "the client said so" and would override
 * the hostname in the message.
 */
public final class SyslogUdpListener implements AutoCloseable {

    public static final String CHANNEL = "syslog_udp";
    private static final System.Logger LOG = System.getLogger(SyslogUdpListener.class.getName());
    /** Larger than any UDP payload (65,507 bytes over IPv4), so no datagram is cut. */
    private static final int MAX_DATAGRAM = 65_536;

    private final DatagramChannel channel;
    private final InetSocketAddress address;
    private final SyslogBatchWriter writer;
    private final Thread receiver;
    private final int receiveBufferGranted;
    private volatile boolean closing;
    /** Run by the receiver before its first read: a test holds it to leave datagrams in the socket buffer. */
    private Runnable beforeReceiving = () -> { };

    private SyslogUdpListener(DatagramChannel channel, IngestEventsUseCase ingest, SyslogIntakeSettings settings,
            Consumer<List<EnvelopeContent>> onCommitted) throws IOException {
        this.channel = channel;
        this.address = (InetSocketAddress) channel.getLocalAddress();
        this.receiveBufferGranted = channel.getOption(StandardSocketOptions.SO_RCVBUF);
        IntakeCounters counters = new IntakeCounters().with("receive_buffer_bytes", () -> receiveBufferGranted);
        this.writer = new SyslogBatchWriter(CHANNEL, ingest, settings, sourcePath("udp", address), "udp", counters,
                onCommitted);
        this.receiver = Thread.ofPlatform().name("brainstem-syslog-udp").unstarted(this::receive);
    }

    /**
     * Binds (port 0 picks a free port), starts the writer and the receiver thread.
     *
     * @param onCommitted called with each committed batch (e.g. to print it); may be null
     */
    public static SyslogUdpListener start(InetSocketAddress bind, IngestEventsUseCase ingest,
            SyslogIntakeSettings settings, Consumer<List<EnvelopeContent>> onCommitted) {
        return start(bind, ingest, settings, onCommitted, () -> { });
    }

    /** {@link #start} whose receiver runs {@code beforeReceiving} first (tests). */
    static SyslogUdpListener start(InetSocketAddress bind, IngestEventsUseCase ingest,
            SyslogIntakeSettings settings, Consumer<List<EnvelopeContent>> onCommitted, Runnable beforeReceiving) {
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open(bind.getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, settings.receiveBufferBytes());
            channel.bind(bind);
            SyslogUdpListener listener = new SyslogUdpListener(channel, ingest, settings, onCommitted);
            listener.beforeReceiving = beforeReceiving;
            listener.logBuffer(settings.receiveBufferBytes());
            listener.writer.start();
            listener.receiver.start();
            return listener;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot listen for syslog on udp://" + hostPort(bind), e);
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    /** received, stored, dropped_queue_full, queued, batches, store_retries, store_failures, lost, receive_buffer_bytes */
    public Map<String, Long> counters() {
        return writer.counters();
    }

    /**
     * Stops receiving without losing what the kernel already holds: the receiver is woken, reads the socket's
     * buffer dry (for at most {@link #DRAIN_LIMIT}), and only then is the socket closed and the writer commits the
     * queue. What was drained, and anything dropped because the queue was full, is logged in one line.
     */
    @Override
    public void close() {
        closing = true;
        wake();
        try {
            receiver.join(DRAIN_LIMIT.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(channel); // a receiver still blocked (its wake-up was lost) ends here
        join(receiver);
        writer.close();
    }

    /** How long closing may keep reading the socket's buffer; a sender that keeps sending must not hold it open. */
    static final java.time.Duration DRAIN_LIMIT = java.time.Duration.ofSeconds(3);

    /** An empty datagram to this listener, so that a receiver blocked in receive() sees that it is closing. */
    private void wake() {
        InetSocketAddress target = address.getAddress().isAnyLocalAddress()
                ? new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), address.getPort())
                : address;
        try (DatagramChannel waker = DatagramChannel.open()) {
            waker.send(ByteBuffer.allocate(0), target);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "syslog udp: cannot wake the receiver; closing the socket instead", e);
        }
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        byte[] bytes = new byte[MAX_DATAGRAM];
        beforeReceiving.run();
        while (!closing) {
            try {
                buffer.clear();
                InetSocketAddress sender = (InetSocketAddress) channel.receive(buffer);
                if (closing && buffer.position() == 0) {
                    break; // the wake-up
                }
                take(buffer, bytes, sender);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (closing) {
                    break;
                }
                LOG.log(Level.WARNING, "syslog udp: receive failed, going on", e);
            }
        }
        drain(buffer, bytes);
    }

    /** Queues one received datagram, or drops and counts it when the writer is behind. */
    private void take(ByteBuffer buffer, byte[] bytes, InetSocketAddress sender) {
        if (writer.isFull()) {
            writer.dropReceived(); // spare the CPU of decoding for the writer that is behind
            return;
        }
        writer.offer(new Received(text(buffer, bytes), sender));
    }

    /** The datagram just received into {@code buffer} as text, copied out through {@code bytes}. */
    private static String text(ByteBuffer buffer, byte[] bytes) {
        buffer.flip();
        int length = buffer.remaining();
        buffer.get(bytes, 0, length);
        return SyslogText.decode(bytes, 0, length);
    }

    /** On close: what the kernel holds is read without blocking and queued, until the buffer is empty. */
    private void drain(ByteBuffer buffer, byte[] bytes) {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        long drained = 0;
        long dropped = 0;
        boolean cut = false;
        try {
            channel.configureBlocking(false);
            while (true) {
                if (System.nanoTime() > deadline) {
                    cut = true;
                    break;
                }
                buffer.clear();
                InetSocketAddress sender = (InetSocketAddress) channel.receive(buffer);
                if (sender == null) {
                    break;
                }
                if (buffer.position() == 0) {
                    continue; // a wake-up
                }
                // the writer is still running: wait for room rather than drop, within the drain's limit
                if (writer.offerWaiting(new Received(text(buffer, bytes), sender),
                        deadline - System.nanoTime())) {
                    drained++;
                } else {
                    dropped++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "syslog udp: draining the socket on close failed after " + drained
                    + " messages: " + e);
        }
        if (drained > 0 || dropped > 0 || cut) {
            LOG.log(dropped > 0 || cut ? Level.WARNING : Level.INFO, "syslog udp on " + hostPort(address)
                    + ": closing, read " + drained + " messages left in the socket buffer"
                    + (dropped > 0 ? ", dropped " + dropped + " (queue full)" : "")
                    + (cut ? "; senders kept sending, stopped after " + DRAIN_LIMIT.toSeconds() + " s" : ""));
        }
    }

    private void logBuffer(int asked) {
        Level level = receiveBufferGranted < asked ? Level.WARNING : Level.INFO;
        LOG.log(level, "syslog udp on " + hostPort(address) + ": SO_RCVBUF asked " + asked + " bytes, granted "
                + receiveBufferGranted + (receiveBufferGranted < asked
                        ? " (raise net.core.rmem_max to avoid loss in bursts)" : ""));
    }
}
