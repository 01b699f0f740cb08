package io.brainstem.bench.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP load generator for a running brainstem (run by bench/http.sh).
 *
 * <pre>
 * batch  URL SECONDS CONCURRENCY BATCH   POST /ingest/batch as fast as possible; events/s
 * single URL SECONDS RATE                POST /ingest/event at a fixed rate (open loop); latency percentiles
 * fill   URL EVENTS BATCH                load EVENTS events (for the inspection benchmark)
 * query  URL SECONDS RATE PATH...        GET the paths round-robin at a fixed rate; latency percentiles
 * </pre>
 */
public final class HttpBench {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    private HttpBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        URI base = URI.create(args[1]);
        switch (mode) {
            case "batch" -> batch(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            case "single" -> {
                int warmup = Integer.getInteger("warmup", 20);
                if (warmup > 0) { // a running server is warm: JIT-compile the path before measuring
                    System.out.print("warm-up " + warmup + " s: ");
                    fixedRate(base, warmup, Integer.parseInt(args[3]), null);
                }
                fixedRate(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]), null);
            }
            case "fill" -> fill(base, Long.parseLong(args[2]), Integer.parseInt(args[3]));
            case "query" -> fixedRate(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Arrays.copyOfRange(args, 4, args.length));
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        System.exit(0);
    }

    /** Realistic, varied network/server lines: a few dozen templates, many variable values. */
    static String event(Random r, long n) {
        String msg = io.brainstem.bench.pipeline.Lines.line(r);
        return "{\"tenant_id\":\"bench\",\"source_type\":\"syslog\",\"source_id\":\"bench-" + (n % 8)
                + "\",\"message_raw\":\"" + msg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    static String batchBody(Random r, long first, int size) {
        StringBuilder sb = new StringBuilder(size * 200).append("{\"events\":[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(event(r, first + i));
        }
        return sb.append("]}").toString();
    }

    private static HttpResponse<String> post(URI uri, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void batch(URI base, int seconds, int concurrency, int size) throws Exception {
        URI uri = base.resolve("/ingest/batch");
        // pre-built, pre-encoded bodies, and responses read only for their status: the generator shares the two
        // cores with the server, so it spends its CPU on sending, not on formatting or UTF-8 encoding 100 KB
        List<byte[]> bodies = new ArrayList<>();
        Random r = new Random(42);
        for (int i = 0; i < 64; i++) {
            bodies.add(batchBody(r, (long) i * size, size).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        long cpuStart = generatorCpu();
        for (int i = 0; i < 4; i++) { // warm-up
            postBytes(uri, bodies.get(i));
        }
        AtomicLong events = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                int offset = w;
                workers.add(pool.submit(() -> {
                    int i = offset;
                    while (System.nanoTime() < end) {
                        try {
                            HttpResponse<Void> res = postBytes(uri, bodies.get(i++ % bodies.size()));
                            if (res.statusCode() == 200) {
                                events.addAndGet(size);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "batch: %d events in %.1f s = %,.0f events/s acknowledged (batch %d, "
                + "concurrency %d, errors %d; generator CPU %.2f cores)%n", events.get(), secs, events.get() / secs,
                size, concurrency, errors.get(), (generatorCpu() - cpuStart) / 1e9 / secs);
    }

    private static HttpResponse<Void> postBytes(URI uri, byte[] body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** CPU time of this (the generator's) process, in nanoseconds. */
    private static long generatorCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void fill(URI base, long total, int size) throws Exception {
        URI uri = base.resolve("/ingest/batch");
        Random r = new Random(7);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<?>> pending = new ArrayList<>();
            for (long n = 0; n < total; n += size) {
                long first = n;
                int count = (int) Math.min(size, total - n);
                String body = batchBody(r, first, count);
                pending.add(pool.submit(() -> {
                    HttpResponse<String> res = post(uri, body);
                    if (res.statusCode() != 200) {
                        throw new IllegalStateException(res.statusCode() + " " + res.body());
                    }
                    return null;
                }));
                if (pending.size() >= 8) {
                    pending.removeFirst().get();
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "fill: %,d events in %.1f s (%,.0f events/s)%n", total, secs, total / secs);
    }

    /** Open loop: requests start on schedule whatever the latency, so slow answers cannot hide. */
    private static void fixedRate(URI base, int seconds, int rate, String[] paths) throws Exception {
        Random r = new Random(1);
        int total = seconds * rate;
        long[] latencies = new long[total];
        AtomicLong errors = new AtomicLong();
        long intervalNanos = 1_000_000_000L / rate;
        for (int i = 0; i < Math.min(200, total); i++) { // warm-up
            send(base, paths, r, i);
        }
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int index = i;
                String body = paths == null ? event(r, i) : null;
                pool.submit(() -> {
                    long t0 = System.nanoTime();
                    try {
                        int status = paths == null ? post(base.resolve("/ingest/event"), body).statusCode()
                                : get(base, paths[index % paths.length]);
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[index] = System.nanoTime() - Math.max(t0, due);
                });
            }
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%s: %d requests at %d/s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                + "max %.2f ms, errors %d%n", paths == null ? "single" : "query", total, rate,
                pct(latencies, 0.50), pct(latencies, 0.90), pct(latencies, 0.99), latencies[total - 1] / 1e6,
                errors.get());
    }

    private static int get(URI base, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static void send(URI base, String[] paths, Random r, int i) throws Exception {
        if (paths == null) {
            post(base.resolve("/ingest/event"), event(r, i));
        } else {
            get(base, paths[i % paths.length]);
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
