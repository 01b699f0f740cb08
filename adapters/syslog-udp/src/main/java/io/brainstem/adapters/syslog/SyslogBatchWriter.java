package io.brainstem.adapters.syslog;

import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.MessageCap;
import io.brainstem.domain.envelope.SourceType;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Group commit: receivers put messages on a bounded queue, one platform thread drains it into batches of
 * up to {@code maxBatch} (waiting at most {@code linger} for a batch to fill) and hands each batch to the
 * ingest use case — one transaction per batch, the next batch's work overlapping this one's commit. A batch
 * whose commit fails is retried with backoff (a busy database must not lose what was accepted); after the
 * last retry it is counted as lost.
 */
final class SyslogBatchWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SyslogBatchWriter.class.getName());
    private static final long[] RETRY_BACKOFF_MS = {50, 200, 1_000, 3_000};
    private static final long POLL_MS = 50;
    /** Batches submitted and not yet finished: two keep the committer busy through jitter in the work. */
    private static final int IN_FLIGHT = 2;

    /**
     * One message as it came off the wire, before it becomes an envelope (on the writer thread).
     *
     * @param truncatedFrom the frame's length as sent when only its start is in {@code message}, else 0
     */
    record Received(String message, InetSocketAddress sender, long truncatedFrom) {
        Received(String message, InetSocketAddress sender) {
            this(message, sender, 0);
        }
    }

    private final String channel;
    private final IngestEventsUseCase ingest;
    private final SyslogIntakeSettings settings;
    private final String sourcePath;
    private final String transport;
    private final IntakeCounters counters;
    private final Consumer<List<EnvelopeContent>> onCommitted;
    private final ArrayBlockingQueue<Received> queue;
    private final Thread thread;
    private volatile boolean closing;
    /** False once the writer thread has ended without being closed: nothing queued would be stored any more. */
    private volatile boolean alive = true;

    /**
     * @param transport   {@code udp} or {@code tcp}, recorded in metadata
     * @param onCommitted called on the writer thread with each batch once it is committed
     */
    SyslogBatchWriter(String channel, IngestEventsUseCase ingest, SyslogIntakeSettings settings, String sourcePath,
            String transport, IntakeCounters counters, Consumer<List<EnvelopeContent>> onCommitted) {
        this.channel = channel;
        this.ingest = ingest;
        this.settings = settings;
        this.sourcePath = sourcePath;
        this.transport = transport;
        this.counters = counters;
        this.onCommitted = onCommitted == null ? batch -> { } : onCommitted;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.thread = Thread.ofPlatform().name("brainstem-" + channel + "-writer").daemon(false).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Never blocks: a full queue drops the message and counts it. */
    void offer(Received message) {
        counters.received.increment();
        if (!queue.offer(message)) {
            counters.droppedQueueFull.increment();
        }
    }

    /** Counts a message received and dropped at once: the queue was seen full before it was even decoded. */
    void dropReceived() {
        counters.received.increment();
        counters.droppedQueueFull.increment();
    }

    boolean isFull() {
        return queue.remainingCapacity() == 0;
    }

    /** Waits while the queue is full (TCP backpressure); only a closing writer drops, and counts it. */
    void put(Received message) throws InterruptedException {
        while (!queue.offer(message, POLL_MS, TimeUnit.MILLISECONDS)) {
            if (closing) {
                counters.received.increment();
                counters.droppedQueueFull.increment();
                return;
            }
        }
        counters.received.increment(); // counted once accepted, so a waiting frame is not "queued" yet
    }

    /**
     * Waits up to {@code nanos} for room (a closing UDP listener draining its socket): true when queued, false when
     * the queue stayed full (counted as dropped).
     */
    boolean offerWaiting(Received message, long nanos) throws InterruptedException {
        counters.received.increment();
        if (queue.offer(message, Math.max(0, nanos), TimeUnit.NANOSECONDS)) {
            return true;
        }
        counters.droppedQueueFull.increment();
        return false;
    }

    /** Shutdown has begun: senders still waiting for room give up (counted) once the queue stays full. */
    void beginClose() {
        closing = true;
    }

    /** Received and neither committed nor lost yet. */
    long queued() {
        // derived, not tracked: exact by definition (a message is received before it is stored, dropped or lost)
        return Math.max(0, counters.received.sum() - counters.stored.sum() - counters.droppedQueueFull.sum()
                - counters.lost.sum());
    }

    Map<String, Long> counters() {
        Map<String, Long> m = counters.snapshot(queued());
        m.put("writer_alive", alive ? 1L : 0L);
        m.put("queue_capacity", (long) settings.queueCapacity());
        return m;
    }

    /** Stops taking batches once the queue is empty: everything queued before is committed first. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Fills and submits batches while earlier ones commit (ADR 13): the ingest work of batch n+1 (and n+2) runs
     * while batch n is written, so that the committer always finds the next batch queued. Batches are finished —
     * counted, handed to the hook — in order.
     */
    private void run() {
        try {
            work();
        } catch (Throwable t) { // NOPMD: what ends this thread must be seen, then the JVM decides
            LOG.log(Level.ERROR, channel + ": the writer thread died; " + queued() + " received messages will not "
                    + "be stored until brainstem restarts", t);
            throw t;
        } finally {
            alive = closing && queue.isEmpty();
        }
    }

    private void work() {
        ArrayDeque<InFlight> inFlight = new ArrayDeque<>(IN_FLIGHT + 1);
        while (!closing || !queue.isEmpty()) {
            List<Received> batch = new ArrayList<>(settings.maxBatch());
            try {
                if (!inFlight.isEmpty() && queue.isEmpty()) {
                    finish(inFlight.poll()); // nothing to overlap with: report the batch now instead of after a poll
                    continue;
                }
                if (fill(batch)) {
                    InFlight next = submit(batch);
                    inFlight.add(next);
                    // a batch whose work failed at once is retried now, after the earlier ones, before any later
                    int keep = next.submitted() == null ? 0 : IN_FLIGHT;
                    while (inFlight.size() > keep) {
                        finish(inFlight.poll());
                    }
                }
            } catch (InterruptedException e) {
                // only close() ends the writer: everything queued is still committed
            } catch (VirtualMachineError e) {
                throw e; // out of memory and the like: the JVM is not fit to go on (the launcher exits on OOM)
            } catch (Throwable e) { // NOPMD: an Error from a bug must not end intake; the batch is accounted for
                LOG.log(Level.ERROR, channel + ": writer error, batch of " + batch.size() + " lost", e);
                counters.storeFailures.increment();
                counters.lost.add(batch.size());
            }
        }
        while (!inFlight.isEmpty()) {
            finish(inFlight.poll());
        }
    }

    /** A batch handed to ingest, not yet known to be committed; {@code submitted} is null when that failed. */
    private record InFlight(IngestCommand command, IngestEventsUseCase.Submitted submitted, Throwable failure) {
    }

    private InFlight submit(List<Received> batch) {
        List<EnvelopeContent> envelopes = new ArrayList<>(batch.size());
        for (Received r : batch) {
            envelopes.add(envelope(r));
        }
        IngestCommand command = new IngestCommand(settings.database(), envelopes, settings.threshold());
        try {
            return new InFlight(command, ingest.submit(command), null);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return new InFlight(command, null, e);
        }
    }

    /** Waits for the batch's commit; a failed one is retried with backoff, then counted as lost. */
    private void finish(InFlight inFlight) {
        List<EnvelopeContent> envelopes = inFlight.command().envelopes();
        Throwable failure = inFlight.failure();
        if (failure == null) {
            try {
                inFlight.submitted().join();
            } catch (RuntimeException | LinkageError | AssertionError e) {
                failure = e;
            }
        }
        for (int attempt = 0; failure != null; attempt++) {
            if (attempt >= RETRY_BACKOFF_MS.length) {
                LOG.log(Level.ERROR, channel + ": batch of " + envelopes.size() + " lost after "
                        + (attempt + 1) + " attempts", failure);
                counters.storeFailures.increment();
                counters.lost.add(envelopes.size());
                return;
            }
            counters.storeRetries.increment();
            LOG.log(Level.WARNING, channel + ": batch of " + envelopes.size() + " not stored ("
                    + failure.getMessage() + "), retrying in " + RETRY_BACKOFF_MS[attempt] + " ms");
            sleepUninterruptibly(RETRY_BACKOFF_MS[attempt]);
            try {
                ingest.ingest(inFlight.command());
                failure = null;
            } catch (RuntimeException | LinkageError | AssertionError e) {
                failure = e;
            }
        }
        counters.stored.add(envelopes.size());
        counters.batches.increment();
        try {
            onCommitted.accept(envelopes);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            LOG.log(Level.WARNING, channel + ": the committed-batch hook failed", e);
        }
    }

    /** Takes what is queued up to maxBatch, lingering briefly for more when the batch is not full. */
    private boolean fill(List<Received> batch) throws InterruptedException {
        Received first = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        int max = settings.maxBatch();
        batch.add(first);
        queue.drainTo(batch, max - batch.size());
        long lingerNanos = settings.linger().toNanos();
        if (batch.size() < max && lingerNanos > 0 && !closing) {
            long deadline = System.nanoTime() + lingerNanos;
            long left;
            while (batch.size() < max && (left = deadline - System.nanoTime()) > 0) {
                Received next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                batch.add(next);
                queue.drainTo(batch, max - batch.size());
            }
        }
        return true;
    }

    private EnvelopeContent envelope(Received r) {
        Map<String, Object> metadata = new LinkedHashMap<>(4);
        metadata.put("transport", transport);
        if (r.sender() != null) {
            metadata.put("sender_address", r.sender().getAddress() != null
                    ? r.sender().getAddress().getHostAddress() : r.sender().getHostString());
            metadata.put("sender_port", r.sender().getPort());
        }
        if (r.truncatedFrom() > 0) {
            metadata.put("frame_truncated", true);
        }
        EnvelopeContent content = EnvelopeContent.builder(settings.tenant())
                .sourceType(SourceType.SYSLOG)
                .sourceId(settings.sourceId())
                .sourcePath(sourcePath)
                .messageRaw(r.message())
                .metadata(metadata)
                .build();
        return r.truncatedFrom() > 0 ? MessageCap.markTruncated(content, r.truncatedFrom()) : content;
    }

    private static void sleepUninterruptibly(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }
}
