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
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Syslog over TCP (RFC 6587): octet counting and newline framing, told apart frame by frame
 * ({@link SyslogFrameReader}); one virtual thread per connection. No loss by design: when the queue is
 * full a connection waits (TCP backpressure) instead of dropping. A frame longer than
 * {@code maxFrameBytes} (default 64 KiB) is stored cut to that size — its header, and so its host and
 * time, survive — with metadata {@code frame_truncated=true}, {@code message_truncated=true} and
 * {@code message_original_bytes}, and counted in {@code frames_truncated}; an octet count above the limit is
 * counted in {@code octet_counts_over_limit} and does not swallow the lines after it ({@link SyslogFrameReader}).
 * Envelopes are labelled as by {@link SyslogUdpListener}, with {@code source_path=tcp://host:port}.
 *
 * <p>A connection quiet for {@code tcpIdleTimeout} is closed ({@code connections_idle_closed}); beyond
 * {@code tcpMaxConnections} open at once a new connection is closed as soon as it is accepted
 * ({@code connections_refused}). An idle connection holds no frame buffer.
 */
public final class SyslogTcpListener implements AutoCloseable {

    public static final String CHANNEL = "syslog_tcp";
    private static final System.Logger LOG = System.getLogger(SyslogTcpListener.class.getName());

    private final ServerSocket server;
    private final InetSocketAddress address;
    private final SyslogIntakeSettings settings;
    private final SyslogBatchWriter writer;
    private final Thread acceptor;
    private final Map<Socket, Thread> connections = new ConcurrentHashMap<>();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder frames = new LongAdder();
    private final LongAdder framesTruncated = new LongAdder();
    private final LongAdder countsOverLimit = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder idleClosed = new LongAdder();
    private volatile boolean closing;

    private SyslogTcpListener(ServerSocket server, IngestEventsUseCase ingest, SyslogIntakeSettings settings,
            Consumer<List<EnvelopeContent>> onCommitted) {
        this.server = server;
        this.address = (InetSocketAddress) server.getLocalSocketAddress();
        this.settings = settings;
        IntakeCounters counters = new IntakeCounters()
                .with("connections_open", () -> connections.size())
                .with("connections_accepted", accepted::sum)
                .with("connections_refused", refused::sum)
                .with("connections_idle_closed", idleClosed::sum)
                .with("frames", frames::sum)
                .with("frames_truncated", framesTruncated::sum)
                .with("octet_counts_over_limit", countsOverLimit::sum);
        this.writer = new SyslogBatchWriter(CHANNEL, ingest, settings, sourcePath("tcp", address),
                "tcp", counters, onCommitted);
        this.acceptor = Thread.ofPlatform().name("brainstem-syslog-tcp-accept").unstarted(this::accept);
    }

    /**
     * Binds (port 0 picks a free port), starts the writer and the acceptor.
     *
     * @param onCommitted called with each committed batch (e.g. to print it); may be null
     */
    public static SyslogTcpListener start(InetSocketAddress bind, IngestEventsUseCase ingest,
            SyslogIntakeSettings settings, Consumer<List<EnvelopeContent>> onCommitted) {
        ServerSocket server = null;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(bind, 128);
            SyslogTcpListener listener = new SyslogTcpListener(server, ingest, settings, onCommitted);
            LOG.log(Level.INFO, "syslog tcp on " + hostPort(listener.address));
            listener.writer.start();
            listener.acceptor.start();
            return listener;
        } catch (IOException e) {
            closeQuietly(server);
            throw new UncheckedIOException("cannot listen for syslog on tcp://" + hostPort(bind), e);
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    /**
     * The common counters plus connections_open, connections_accepted, connections_refused,
     * connections_idle_closed, frames, frames_truncated, octet_counts_over_limit.
     */
    public Map<String, Long> counters() {
        return writer.counters();
    }

    /** Stops accepting, closes the connections, commits what is queued, then returns. */
    @Override
    public void close() {
        closing = true;
        writer.beginClose();
        closeQuietly(server);
        join(acceptor);
        // readers end on their closed sockets, each after queuing the frame it holds; then the writer drains
        connections.keySet().forEach(Sockets::closeQuietly);
        List.copyOf(connections.values()).forEach(Sockets::join);
        writer.close();
    }

    private void accept() {
        while (!closing) {
            try {
                Socket socket = server.accept();
                accepted.increment();
                if (connections.size() >= settings.tcpMaxConnections()) {
                    refused.increment(); // counted, not logged: a flood must not flood the log too
                    closeQuietly(socket);
                    continue;
                }
                Thread reader = Thread.ofVirtual().name("brainstem-syslog-tcp-" + hostPort(
                        (InetSocketAddress) socket.getRemoteSocketAddress())).unstarted(() -> serve(socket));
                connections.put(socket, reader);
                reader.start();
            } catch (IOException e) {
                if (closing) {
                    return;
                }
                LOG.log(Level.WARNING, "syslog tcp: accept failed, going on", e);
            }
        }
    }

    private void serve(Socket socket) {
        InetSocketAddress sender = (InetSocketAddress) socket.getRemoteSocketAddress();
        try (socket) {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.tcpIdleTimeout().toMillis()));
            SyslogFrameReader frames = new SyslogFrameReader(socket.getInputStream(), settings.maxFrameBytes());
            while (frames.next()) {
                this.frames.increment();
                String text = SyslogText.decode(frames.frame(), 0, frames.length());
                if (frames.truncated()) {
                    framesTruncated.increment();
                }
                if (frames.countOverLimit()) {
                    countsOverLimit.increment();
                }
                writer.put(new Received(text, sender, frames.truncated() ? frames.frameBytes() : 0));
            }
        } catch (SocketTimeoutException e) {
            idleClosed.increment();
            LOG.log(Level.DEBUG, "syslog tcp: connection from " + hostPort(sender) + " idle for "
                    + settings.tcpIdleTimeout() + ", closed");
        } catch (SocketException e) {
            if (!closing) {
                LOG.log(Level.DEBUG, "syslog tcp: connection from " + hostPort(sender) + " ended: " + e.getMessage());
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "syslog tcp: connection from " + hostPort(sender) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.remove(socket);
        }
    }
}
