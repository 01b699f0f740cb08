package io.brainstem.adapters.http;

import io.brainstem.application.port.in.RuntimeQueries;
import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionListener;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What brainstem adds to Helidon's handling of HTTP connections (ADR 38), as the listener's only connection selector:
 * <ul>
 *   <li>a request whose headers are not complete {@link Settings#headerTimeout} after its request line is answered
 *       {@code 408} and its connection closed (slow-loris);</li>
 *   <li>a request body of which no byte arrives for {@link Settings#bodyTimeout} while a route waits for it closes
 *       the connection;</li>
 *   <li>an answer that says {@code Connection: close} (the client asked for it, or brainstem refused a body) closes
 *       the connection once it is written;</li>
 *   <li>an HTTP/1.0 request — load balancers' health checks — is answered for {@code GET}/{@code HEAD} of
 *       {@code /healthz} and {@code /status}, and with a JSON {@code 505} otherwise; HTTP/1.1 goes to Helidon.</li>
 * </ul>
 * A watchdog thread, {@code brainstem-http-connection-guard}, enforces the deadlines; it survives anything but the
 * JVM's own errors, which end the process (ADR 23).
 */
public final class HttpConnections implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HttpConnections.class.getName());

    /** The deadlines; {@link #DEFAULTS}: 20 s for the headers, 30 s without a byte of a body. */
    public record Settings(Duration headerTimeout, Duration bodyTimeout) {

        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(20), Duration.ofSeconds(30));

        public Settings {
            if (headerTimeout.isNegative() || headerTimeout.isZero() || bodyTimeout.isNegative()
                    || bodyTimeout.isZero()) {
                throw new IllegalArgumentException("the HTTP header and body timeouts must be positive");
            }
        }
    }

    private final Settings settings;
    private final Http1Config http1Config;
    private final ServerConnectionSelector http1;
    private final Http10Exchange http10;
    private final Map<ConnectionContext, GuardedConnection> open = new ConcurrentHashMap<>();
    private final Map<String, GuardedConnection> bySocket = new ConcurrentHashMap<>();
    private final LongAdder headersTimedOut = new LongAdder();
    private final LongAdder bodiesTimedOut = new LongAdder();
    private final LongAdder closedAsAsked = new LongAdder();
    private final LongAdder http10Answered = new LongAdder();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread watchdog;

    public HttpConnections(Settings settings, RuntimeQueries runtime) {
        this.settings = settings;
        this.http1Config = Http1Config.builder()
                .addReceiveListener(new Received())
                .addSendListener(new Sent())
                .build();
        this.http1 = Http1ConnectionSelector.builder().config(http1Config).build();
        this.http10 = new Http10Exchange(runtime, http1Config.maxPrologueLength(), http1Config.maxHeadersSize());
        this.watchdog = new Thread(this::watch, "brainstem-http-connection-guard");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** The listener's connection selector: every connection passes through it. */
    public ServerConnectionSelector selector() {
        return new ServerConnectionSelector() {
            @Override
            public int bytesToIdentifyConnection() {
                return 0;
            }

            @Override
            public Support supports(BufferData data) {
                return Support.SUPPORTED;
            }

            @Override
            public Set<String> supportedApplicationProtocols() {
                return Set.of();
            }

            @Override
            public ServerConnection connection(ConnectionContext ctx) {
                return new GuardedConnection(ctx, HttpConnections.this);
            }
        };
    }

    /** The counters shown under {@code intake.http} on {@code /runtime}. */
    public Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("connections_open", (long) open.size());
        m.put("headers_timed_out", headersTimedOut.sum());
        m.put("bodies_timed_out", bodiesTimedOut.sum());
        m.put("connections_closed_as_asked", closedAsAsked.sum());
        m.put("http10_health_checks", http10Answered.sum());
        return m;
    }

    Settings settings() {
        return settings;
    }

    ServerConnection http1(ConnectionContext ctx) {
        return http1.connection(ctx);
    }

    Http10Exchange http10() {
        return http10;
    }

    int maxPrologueLength() {
        return http1Config.maxPrologueLength();
    }

    void opened(GuardedConnection c) {
        open.put(c.context(), c);
        bySocket.put(c.socketKey(), c);
    }

    void closed(GuardedConnection c) {
        open.remove(c.context());
        bySocket.remove(c.socketKey());
    }

    void answeredHttp10() {
        http10Answered.increment();
    }

    /**
     * Marks the time a route waits for {@code req}'s body; the returned handle is closed when the body is read. While
     * it is open, a body of which no byte arrives for the body timeout closes the connection.
     */
    static BodyRead readingBody(ServerRequest req) {
        return req.context().get(HttpConnections.class).map(guard -> guard.reading(req)).orElse(BodyRead.NONE);
    }

    private BodyRead reading(ServerRequest req) {
        GuardedConnection c = bySocket.get(req.serverSocketId() + " " + req.socketId());
        if (c == null) {
            return BodyRead.NONE;
        }
        c.bodyReadStarted();
        return new BodyRead() {
            @Override
            public InputStream watch(InputStream body) {
                return new FilterInputStream(body) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        c.bytesArrived();
                        return b;
                    }

                    @Override
                    public int read(byte[] into, int off, int len) throws IOException {
                        int n = super.read(into, off, len);
                        c.bytesArrived();
                        return n;
                    }
                };
            }

            @Override
            public void close() {
                c.bodyReadEnded();
            }
        };
    }

    /** A route reading a body: what it reads through {@link #watch} counts as progress; closing it ends the read. */
    interface BodyRead extends AutoCloseable {
        BodyRead NONE = new BodyRead() {
            @Override
            public InputStream watch(InputStream body) {
                return body;
            }

            @Override
            public void close() {
            }
        };

        InputStream watch(InputStream body);

        @Override
        void close();
    }

    private void watch() {
        long period = Math.max(100, Math.min(1000,
                Math.min(settings.headerTimeout().toMillis(), settings.bodyTimeout().toMillis()) / 4));
        try {
            while (!stopped.await(period, TimeUnit.MILLISECONDS)) {
                try {
                    sweep(System.nanoTime());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "HTTP connection guard: a sweep failed; trying again", e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sweep(long now) {
        long headerNanos = settings.headerTimeout().toNanos();
        long bodyNanos = settings.bodyTimeout().toNanos();
        for (GuardedConnection c : open.values()) {
            if (c.headersLateAt(now, headerNanos)) {
                headersTimedOut.increment();
                c.answerTimeout("the request headers did not arrive within " + settings.headerTimeout().toSeconds()
                        + " s");
            } else if (c.bodyStalledAt(now, bodyNanos)) {
                bodiesTimedOut.increment();
                c.answerTimeout("no byte of the request body arrived for " + settings.bodyTimeout().toSeconds()
                        + " s");
            }
        }
    }

    @Override
    public void close() {
        stopped.countDown();
    }

    /** What Helidon reads: the start and end of each request's headers. */
    private final class Received implements Http1ConnectionListener {
        @Override
        public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
            GuardedConnection c = open.get(ctx);
            if (c != null) {
                c.headersStarted();
            }
        }

        @Override
        public void headers(ConnectionContext ctx, Headers headers) {
            GuardedConnection c = open.get(ctx);
            if (c != null) {
                c.headersEnded();
                // the client asks to close after this request: Helidon answers so, then would wait for another
                if (headers.containsToken(HeaderValues.CONNECTION_CLOSE) && c.closeAfterThisAnswer()) {
                    closedAsAsked.increment();
                }
            }
        }
    }

    /**
     * What Helidon writes: an answer that brainstem marked {@code Connection: close} (a refused body) ends its
     * connection once written. (Helidon adds the header for a client that asked after this event.)
     */
    private final class Sent implements Http1ConnectionListener {
        @Override
        public void headers(ConnectionContext ctx, Headers headers) {
            if (headers.containsToken(HeaderValues.CONNECTION_CLOSE)) {
                GuardedConnection c = open.get(ctx);
                if (c != null && c.closeAfterThisAnswer()) {
                    closedAsAsked.increment();
                }
            }
        }
    }
}
