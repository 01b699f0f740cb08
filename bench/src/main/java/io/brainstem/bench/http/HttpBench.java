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
 * memory URL SECONDS RATE                the operational-memory endpoints round-robin at a fixed rate; p99 each
 * </pre>
 */
public final class HttpBench {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    /** The tenant of the generated events ({@code -Dtenant=…}; bench/nodes.sh gives each node its own). */
    private static final String TENANT = System.getProperty("tenant", "bench");

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
            case "memory" -> mixed(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]), memoryRequests(base));
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        System.exit(0);
    }

    /** Realistic, varied network/server lines: a few dozen templates, many variable values. */
    static String event(Random r, long n) {
        String msg = io.brainstem.bench.pipeline.Lines.line(r);
        return "{\"tenant_id\":\"" + TENANT + "\",\"source_type\":\"syslog\",\"source_id\":\"bench-" + (n % 8)
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
        int[] status = new int[total];
        for (int i = 0; i < Math.min(200, total); i++) { // warm-up
            send(base, paths, r, i);
        }
        openLoop(total, rate, latencies, status, i -> {
            String body = paths == null ? event(r, i) : null;
            return () -> paths == null ? post(base.resolve("/ingest/event"), body).statusCode()
                    : get(base, paths[i % paths.length]);
        });
        long errors = Arrays.stream(status).filter(st -> st != 200).count();
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%s: %d requests at %d/s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                + "max %.2f ms, errors %d%n", paths == null ? "single" : "query", total, rate,
                pct(latencies, 0.50), pct(latencies, 0.90), pct(latencies, 0.99), latencies[total - 1] / 1e6,
                errors);
    }

    /** One request of a mixed load; {@code body} null for a GET. */
    record Request(String label, String path, String body) {
    }

    /**
     * The operational-memory endpoints on a filled database: ids are discovered from the inspection endpoints, one
     * candidate is promoted (so related history and explain find an incident) and one judged noise.
     */
    static List<Request> memoryRequests(URI base) throws Exception {
        String candidates = CLIENT.send(HttpRequest.newBuilder(base.resolve("/candidates?tenant_id=bench&limit=5"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> candidateIds = all(candidates, "\"candidate_id\":\"(cand_[0-9a-f]+)\"");
        String signature = all(CLIENT.send(HttpRequest.newBuilder(base.resolve("/signatures?limit=1")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body(), "\"signature_id\":\"(sig_[0-9a-f]+)\"").getFirst();
        String event = all(CLIENT.send(HttpRequest.newBuilder(base.resolve("/canonical_events?limit=1")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body(), "\"event_id\":(\\d+)").getFirst();
        String promoted = post(base.resolve("/candidates/promote"), "{\"candidate_id\":\"" + candidateIds.getFirst()
                + "\",\"title\":\"Recurring IPsec rekey failures\",\"summary\":\"bench\"}").body();
        String incident = all(promoted, "\"incident_memory_id\":\"(inc_[0-9a-f]+)\"").getFirst();
        post(base.resolve("/review/record"), "{\"subject_type\":\"candidate\",\"subject_id\":\""
                + candidateIds.getLast() + "\",\"decision\":\"noise\",\"notes\":\"bench\"}");
        String tenant = "\"tenant_id\":\"bench\"";
        return List.of(
                new Request("events/search one word", "/events/search", "{" + tenant + ",\"query\":\"unreadable\",\"limit\":20}"),
                new Request("events/search two words", "/events/search", "{" + tenant + ",\"query\":\"rekey retrying\",\"limit\":20}"),
                new Request("events/search rare word", "/events/search", "{" + tenant + ",\"query\":\"battery ups1\",\"limit\":20}"),
                new Request("events/search word+host", "/events/search", "{" + tenant + ",\"query\":\"password\",\"host\":\"srv-7\",\"limit\":20}"),
                new Request("events/search no words, host", "/events/search", "{" + tenant + ",\"host\":\"fw-3\",\"limit\":20}"),
                new Request("candidates/search", "/candidates/search", "{" + tenant + ",\"decision_band\":[\"watch\",\"review\"],\"limit\":20}"),
                new Request("candidates/search query", "/candidates/search", "{" + tenant + ",\"query\":\"vpn\",\"min_score\":0.2,\"limit\":20}"),
                new Request("candidates/explain", "/candidates/explain", "{\"candidate_id\":\"" + candidateIds.getFirst() + "\"}"),
                new Request("history/related candidate", "/history/related", "{\"subject_type\":\"candidate\",\"subject_id\":\"" + candidateIds.getFirst() + "\",\"limit\":10}"),
                new Request("history/related signature", "/history/related", "{\"subject_type\":\"signature\",\"subject_id\":\"" + signature + "\",\"limit\":10}"),
                new Request("history/related event", "/history/related", "{\"subject_type\":\"event\",\"subject_id\":\"" + event + "\",\"limit\":10}"),
                new Request("history/related incident", "/history/related", "{\"subject_type\":\"incident\",\"subject_id\":\"" + incident + "\",\"limit\":10}"),
                new Request("incidents/search", "/incidents/search", "{" + tenant + ",\"query\":\"ipsec flaps\",\"limit\":10}"),
                new Request("digest/daily", "/digest/daily", "{" + tenant + ",\"limit\":20}"));
    }

    private static List<String> all(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("nothing matches " + regex + " in " + text);
        }
        return found;
    }

    /** Open loop over a mix of requests, round-robin; latency percentiles per label. */
    private static void mixed(URI base, int seconds, int rate, List<Request> requests) throws Exception {
        for (int i = 0; i < 200; i++) { // warm-up
            call(base, requests.get(i % requests.size()));
        }
        System.out.println("service time, one request at a time (20 each):");
        for (Request r : requests) {
            long[] one = new long[20];
            for (int i = 0; i < one.length; i++) {
                long t0 = System.nanoTime();
                call(base, r);
                one[i] = System.nanoTime() - t0;
            }
            Arrays.sort(one);
            System.out.printf(Locale.ROOT, "  %-30s p50 %6.2f ms  max %6.2f ms%n", r.label(), pct(one, 0.5),
                    one[one.length - 1] / 1e6);
        }
        int total = seconds * rate;
        long[] latencies = new long[total];
        int[] status = new int[total];
        openLoop(total, rate, latencies, status, i -> () -> call(base, requests.get(i % requests.size())));
        System.out.printf(Locale.ROOT, "%d requests at %d/s over %d s, round-robin:%n", total, rate, seconds);
        for (int k = 0; k < requests.size(); k++) {
            List<Long> mine = new ArrayList<>();
            int errors = 0;
            for (int i = k; i < total; i += requests.size()) {
                mine.add(latencies[i]);
                errors += status[i] == 200 ? 0 : 1;
            }
            long[] sorted = mine.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-30s n=%-5d p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  errors %d%n",
                    requests.get(k).label(), sorted.length, pct(sorted, 0.50), pct(sorted, 0.99),
                    sorted[sorted.length - 1] / 1e6, errors);
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-30s n=%-5d p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", "all", total,
                pct(sorted, 0.50), pct(sorted, 0.99), sorted[total - 1] / 1e6);
    }

    /**
     * Open loop: request {@code i} starts at its due time whatever the latency of the others, so slow answers
     * cannot hide; its latency counts from when it was due. {@code task} is asked on this thread for request i.
     */
    private static void openLoop(int total, int rate, long[] latencies, int[] status,
            java.util.function.IntFunction<java.util.concurrent.Callable<Integer>> task) throws InterruptedException {
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int index = i;
                java.util.concurrent.Callable<Integer> work = task.apply(i);
                pool.submit(() -> {
                    long t0 = System.nanoTime();
                    try {
                        status[index] = work.call();
                    } catch (Exception e) {
                        status[index] = -1;
                    }
                    latencies[index] = System.nanoTime() - Math.max(t0, due);
                });
            }
        }
    }

    private static int call(URI base, Request r) throws Exception {
        return r.body() == null ? get(base, r.path()) : post(base.resolve(r.path()), r.body()).statusCode();
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
