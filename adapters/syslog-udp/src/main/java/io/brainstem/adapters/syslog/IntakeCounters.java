package io.brainstem.adapters.syslog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The live counters of one syslog channel, shown under {@code intake.<channel>} of {@code GET /runtime}.
 * Accounting: {@code received = stored + dropped_queue_full + lost + queued} at every quiet moment.
 *
 * <ul>
 *   <li>{@code received}: messages read off the socket (datagrams, or TCP frames).</li>
 *   <li>{@code stored}: messages in committed ingest transactions.</li>
 *   <li>{@code dropped_queue_full}: UDP messages dropped because the queue was full (TCP waits instead).</li>
 *   <li>{@code batches}: committed ingest calls.</li>
 *   <li>{@code store_retries}: ingest attempts that failed and were retried.</li>
 *   <li>{@code store_failures}: batches that still failed after every retry; their messages count as {@code lost}.</li>
 *   <li>{@code queued}: received and not yet committed or lost (a gauge).</li>
 * </ul>
 * Channels add their own (receive buffer, TCP connections and frames).
 */
final class IntakeCounters {

    final LongAdder received = new LongAdder();
    final LongAdder stored = new LongAdder();
    final LongAdder droppedQueueFull = new LongAdder();
    final LongAdder batches = new LongAdder();
    final LongAdder storeRetries = new LongAdder();
    final LongAdder storeFailures = new LongAdder();
    final LongAdder lost = new LongAdder();

    private final Map<String, LongSupplier> extra = new LinkedHashMap<>();

    /** Adds a channel-specific counter or gauge; call before the channel starts. */
    IntakeCounters with(String name, LongSupplier value) {
        extra.put(name, value);
        return this;
    }

    Map<String, Long> snapshot(long queued) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("received", received.sum());
        m.put("stored", stored.sum());
        m.put("dropped_queue_full", droppedQueueFull.sum());
        m.put("queued", queued);
        m.put("batches", batches.sum());
        m.put("store_retries", storeRetries.sum());
        m.put("store_failures", storeFailures.sum());
        m.put("lost", lost.sum());
        extra.forEach((name, value) -> m.put(name, value.getAsLong()));
        return m;
    }
}
