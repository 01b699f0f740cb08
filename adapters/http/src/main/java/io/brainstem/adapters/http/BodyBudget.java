package io.brainstem.adapters.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request body bytes held at once across every request (ADR 26). A request takes its body's bytes before reading
 * them ({@link Lease#take}) and gives them back when it is answered; a body that would go beyond the budget is
 * answered {@code 503} with {@code Retry-After} instead of being read, so that many large bodies at once cannot
 * exhaust the heap.
 */
final class BodyBudget {

    /** Seconds a client is asked to wait before it sends a refused body again. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final long maxBytes;
    private final AtomicLong inFlight = new AtomicLong();
    private final LongAdder refused = new LongAdder();

    BodyBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Body bytes held now. */
    long inFlight() {
        return inFlight.get();
    }

    /** Bodies answered 503 because the budget was spent. */
    long refused() {
        return refused.sum();
    }

    Lease lease() {
        return new Lease();
    }

    private boolean tryTake(long bytes) {
        while (true) {
            long now = inFlight.get();
            if (now + bytes > maxBytes) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** What one request holds; closed when the request is answered. */
    final class Lease implements AutoCloseable {
        private long held;

        /** Takes {@code bytes} more for this request's body, or refuses with 503. */
        void take(long bytes) {
            if (!tryTake(bytes)) {
                refused.increment();
                throw ApiException.drained(Status.SERVICE_UNAVAILABLE_503, "busy", "brainstem is holding "
                        + maxBytes + " bytes of request bodies, its limit; send again in " + RETRY_AFTER_SECONDS
                        + " s", RETRY_AFTER_SECONDS);
            }
            held += bytes;
        }

        @Override
        public void close() {
            inFlight.addAndGet(-held);
            held = 0;
        }
    }

    /**
     * After an error answer to a request whose body was not read (the answer says {@code Connection: close}): reads
     * and drops up to {@code maxDrainBytes} of the body before the connection closes, so that a client that writes its
     * whole body before reading (Python's urllib, java.net.http) reads the answer instead of a connection reset. A
     * client waiting for {@code 100 Continue} has sent nothing and is not waited for.
     */
    static void drainRest(ServerRequest req, long maxDrainBytes) {
        if (req.headers().contains(HeaderNames.EXPECT) || req.content().consumed()) {
            return;
        }
        try (HttpConnections.BodyRead reading = HttpConnections.readingBody(req);
                InputStream in = reading.watch(req.content().inputStream())) {
            skip(in, maxDrainBytes);
        } catch (IOException | RuntimeException e) {
            // the client went away, or sent more than is drained: the connection closes either way
        }
    }

    /** Reads and drops up to {@code maxBytes} of {@code in}, or to its end. */
    static void skip(InputStream in, long maxBytes) throws IOException {
        byte[] sink = new byte[16 * 1024];
        long left = maxBytes;
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= n;
        }
    }
}
