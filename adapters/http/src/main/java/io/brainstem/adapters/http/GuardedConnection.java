package io.brainstem.adapters.http;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.common.task.InterruptableTask;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One HTTP connection under {@link HttpConnections}: it reads the first request line without consuming it, answers an
 * HTTP/1.0 request itself and hands anything else to Helidon's HTTP/1.1 connection, whose request events then keep
 * this connection's deadlines.
 */
final class GuardedConnection implements ServerConnection, InterruptableTask<Void> {

    private static final long NONE = 0;

    private final ConnectionContext ctx;
    private final HttpConnections guard;
    private final String socketKey;
    private final long openedAt = System.nanoTime();
    /** When the current request's headers began, {@link #NONE} when no headers are being read. */
    private final AtomicLong headersSince = new AtomicLong(NONE);
    private final AtomicInteger bodyReads = new AtomicInteger();
    private volatile long lastByteAt = openedAt;
    private volatile ServerConnection delegate;
    private volatile Thread thread;
    /** The connection is to end after the request in progress. */
    private volatile boolean closing;
    /** A deadline passed: the client was answered 408 and the socket closed. */
    private volatile boolean timedOut;

    GuardedConnection(ConnectionContext ctx, HttpConnections guard) {
        this.ctx = ctx;
        this.guard = guard;
        this.socketKey = ctx.socketId() + " " + ctx.childSocketId();
    }

    ConnectionContext context() {
        return ctx;
    }

    String socketKey() {
        return socketKey;
    }

    @Override
    public void handle(Limit limit) throws InterruptedException {
        thread = Thread.currentThread();
        guard.opened(this);
        try {
            if (closing) {
                return;
            }
            if (firstLineIsHttp10()) {
                headersStarted();
                try {
                    guard.http10().answer(ctx);
                    guard.answeredHttp10();
                } finally {
                    headersEnded();
                }
                return;
            }
            ServerConnection http1 = guard.http1(ctx);
            delegate = http1;
            if (closing) {
                http1.close(true);
                return;
            }
            http1.handle(limit);
        } finally {
            guard.closed(this);
        }
    }

    /** Waits for the first request line (the idle timeout bounds the wait) and reads it without consuming it. */
    private boolean firstLineIsHttp10() {
        DataReader reader = ctx.dataReader();
        int max = guard.maxPrologueLength();
        int eol;
        try {
            eol = reader.findNewLine(max);
        } catch (DataReader.IncorrectNewLineException e) {
            return false; // Helidon answers a malformed request line
        }
        if (eol >= max) {
            return false;
        }
        BufferData line = reader.getBuffer(eol);
        return line.readString(eol, StandardCharsets.US_ASCII).endsWith(" HTTP/1.0");
    }

    void headersStarted() {
        headersSince.set(System.nanoTime());
    }

    void headersEnded() {
        headersSince.set(NONE);
    }

    void bytesArrived() {
        lastByteAt = System.nanoTime();
    }

    void bodyReadStarted() {
        lastByteAt = System.nanoTime();
        bodyReads.incrementAndGet();
    }

    void bodyReadEnded() {
        bodyReads.decrementAndGet();
    }

    /** Whether headers begun at least {@code timeoutNanos} ago are still being read; if so, they are no longer. */
    boolean headersLateAt(long now, long timeoutNanos) {
        long since = headersSince.get();
        return since != NONE && now - since >= timeoutNanos && headersSince.compareAndSet(since, NONE);
    }

    boolean bodyStalledAt(long now, long timeoutNanos) {
        return !timedOut && bodyReads.get() > 0 && now - lastByteAt >= timeoutNanos;
    }

    /** Answers 408 and closes: the client has not sent its headers, or a byte of its body, in time. */
    void answerTimeout(String message) {
        try {
            ctx.dataWriter().writeNow(BufferData.create(Http10Exchange.errorResponse("HTTP/1.1", 408,
                    "Request Timeout", "request_timeout", message)));
        } catch (RuntimeException gone) {
            // the client went away: closing is all that is left
        }
        abort();
    }

    /** Closes the socket: a read or write in progress fails and the connection ends. */
    private void abort() {
        timedOut = true;
        closing = true;
        try {
            ctx.serverSocket().close();
        } catch (RuntimeException e) {
            // already closed
        }
    }

    /**
     * After an answer saying {@code Connection: close}: the connection ends once the answer is written (Helidon
     * would wait for another request).
     *
     * @return whether this connection was open until now
     */
    boolean closeAfterThisAnswer() {
        ServerConnection d = delegate;
        if (closing || d == null || (d instanceof InterruptableTask<?> task && task.canInterrupt())) {
            // not within a request: Helidon answering a request line it could not read closes by itself, and
            // stopping it now would interrupt that answer
            return false;
        }
        closing = true;
        d.close(false); // Helidon's connection finishes the request in progress, then stops
        return true;
    }

    @Override
    public Duration idleTime() {
        ServerConnection d = delegate;
        return d != null ? d.idleTime() : Duration.ofNanos(System.nanoTime() - openedAt);
    }

    @Override
    public void close(boolean interrupt) {
        closing = true;
        ServerConnection d = delegate;
        if (d != null) {
            d.close(interrupt);
            return;
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt(); // waiting for the first request line, or answering HTTP/1.0: both may stop
        }
    }

    @Override
    public boolean canInterrupt() {
        ServerConnection d = delegate;
        return d == null || (d instanceof InterruptableTask<?> task && task.canInterrupt());
    }
}
