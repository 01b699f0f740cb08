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
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open(bind.getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, settings.receiveBufferBytes());
            channel.bind(bind);
            SyslogUdpListener listener = new SyslogUdpListener(channel, ingest, settings, onCommitted);
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

    /** Stops receiving, commits what is queued, then returns. */
    @Override
    public void close() {
        closing = true;
        closeQuietly(channel);
        join(receiver);
        writer.close();
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        byte[] bytes = new byte[MAX_DATAGRAM];
        while (!closing) {
            try {
                buffer.clear();
                InetSocketAddress sender = (InetSocketAddress) channel.receive(buffer);
                if (writer.isFull()) {
                    writer.dropReceived(); // spare the CPU of decoding for the writer that is behind
                    continue;
                }
                buffer.flip();
                int length = buffer.remaining();
                buffer.get(bytes, 0, length);
                writer.offer(new Received(SyslogText.decode(bytes, 0, length), sender));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (closing) {
                    return;
                }
                LOG.log(Level.WARNING, "syslog udp: receive failed, going on", e);
            }
        }
    }

    private void logBuffer(int asked) {
        Level level = receiveBufferGranted < asked ? Level.WARNING : Level.INFO;
        LOG.log(level, "syslog udp on " + hostPort(address) + ": SO_RCVBUF asked " + asked + " bytes, granted "
                + receiveBufferGranted + (receiveBufferGranted < asked
                        ? " (raise net.core.rmem_max to avoid loss in bursts)" : ""));
    }
}
