package io.brainstem.adapters.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A syslog channel's live counters (the map {@code GET /runtime} shows under {@code intake.<channel>}) as function
 * counters and gauges: read from the channel's own counters at scrape time, never counted twice. One snapshot of
 * the map serves all the meters of one scrape ({@code scrape} tells which scrape is under way).
 */
final class IntakeChannelMeters {

    private enum Kind { COUNTER, GAUGE }

    /** One key of the channel's map, and the meter it becomes. */
    private record Mapping(String key, Kind kind, String name, Tags tags, String description) {
    }

    private static final List<Mapping> MAPPINGS = List.of(
            counter("received", "brainstem.syslog.received", Tags.empty(),
                    "Messages read off the socket: UDP datagrams, TCP frames"),
            counter("stored", "brainstem.syslog.stored", Tags.empty(), "Messages in committed ingest transactions"),
            counter("dropped_queue_full", "brainstem.syslog.dropped", Tags.of("reason", "queue_full"),
                    "Messages dropped, by reason: the queue was full (UDP), or their batch failed every retry"),
            counter("lost", "brainstem.syslog.dropped", Tags.of("reason", "store_failure"),
                    "Messages dropped, by reason: the queue was full (UDP), or their batch failed every retry"),
            gauge("queued", "brainstem.syslog.queue.depth", "Messages received and not yet committed or dropped"),
            gauge("queue_capacity", "brainstem.syslog.queue.capacity",
                    "How many messages the queue holds; /healthz is degraded at 90 % of it"),
            counter("batches", "brainstem.syslog.batches", Tags.empty(), "Committed ingest batches"),
            counter("store_retries", "brainstem.syslog.store.retries", Tags.empty(),
                    "Ingest attempts that failed and were retried"),
            counter("store_failures", "brainstem.syslog.store.failures", Tags.empty(),
                    "Batches that failed after every retry"),
            gauge("writer_alive", "brainstem.syslog.writer.alive", "1 while the channel's writer thread runs"),
            gauge("receive_buffer_bytes", "brainstem.syslog.receive.buffer.bytes",
                    "The UDP socket's receive buffer, as the kernel granted it"),
            gauge("connections_open", "brainstem.syslog.tcp.connections.open", "Open TCP connections"),
            counter("connections_accepted", "brainstem.syslog.tcp.connections.accepted", Tags.empty(),
                    "TCP connections accepted"),
            counter("frames", "brainstem.syslog.tcp.frames", Tags.empty(), "TCP frames read"),
            counter("frames_truncated", "brainstem.syslog.tcp.frames.truncated", Tags.empty(),
                    "TCP frames longer than the limit, truncated"),
            counter("connections_refused", "brainstem.syslog.tcp.connections.refused", Tags.empty(),
                    "TCP connections refused at the connection cap"),
            counter("connections_idle_closed", "brainstem.syslog.tcp.connections.idle.closed", Tags.empty(),
                    "TCP connections closed after the idle timeout"),
            counter("octet_counts_over_limit", "brainstem.syslog.tcp.octet.counts.over.limit", Tags.empty(),
                    "octet-counted TCP frames whose count was above the frame limit"));

    /** The keys this knows; a channel's other keys are not exported. */
    static final Set<String> KEYS = MAPPINGS.stream().map(Mapping::key).collect(Collectors.toUnmodifiableSet());

    private final Supplier<Map<String, Long>> counters;
    private final LongSupplier scrape;
    /** The map as of scrape {@link #snapshotOf}; replaced together, under this object's lock. */
    private Map<String, Long> snapshot;
    private long snapshotOf;

    private IntakeChannelMeters(Supplier<Map<String, Long>> counters, LongSupplier scrape) {
        this.counters = counters;
        this.scrape = scrape;
    }

    /**
     * Registers the meters of the keys {@code counters} has now, tagged {@code transport}; {@code scrape} numbers the
     * scrapes, so that each reads the map once. The meters hold the returned object weakly: the caller keeps it.
     */
    static IntakeChannelMeters register(MeterRegistry registry, String transport, Supplier<Map<String, Long>> counters,
            LongSupplier scrape) {
        IntakeChannelMeters channel = new IntakeChannelMeters(counters, scrape);
        Set<String> present = counters.get().keySet();
        for (Mapping m : MAPPINGS) {
            if (!present.contains(m.key())) {
                continue;
            }
            Tags tags = m.tags().and("transport", transport);
            if (m.kind() == Kind.COUNTER) {
                FunctionCounter.builder(m.name(), channel, c -> c.value(m.key())).tags(tags)
                        .description(m.description()).register(registry);
            } else {
                Gauge.builder(m.name(), channel, c -> c.value(m.key())).tags(tags).description(m.description())
                        .register(registry);
            }
        }
        return channel;
    }

    private synchronized double value(String key) {
        long current = scrape.getAsLong();
        if (snapshot == null || snapshotOf != current) {
            snapshot = counters.get();
            snapshotOf = current;
        }
        Long v = snapshot.get(key);
        return v == null ? Double.NaN : v;
    }

    private static Mapping counter(String key, String name, Tags tags, String description) {
        return new Mapping(key, Kind.COUNTER, name, tags, description);
    }

    private static Mapping gauge(String key, String name, String description) {
        return new Mapping(key, Kind.GAUGE, name, Tags.empty(), description);
    }
}
