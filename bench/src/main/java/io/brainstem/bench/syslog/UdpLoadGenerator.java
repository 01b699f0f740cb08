package io.brainstem.bench.syslog;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends syslog datagrams at a steady rate to a running brainstem, then reads its {@code GET /runtime}
 * counters ({@code intake.syslog_udp}) until everything sent is accounted for, and reports loss at the
 * socket (sent − received) and through the whole pipeline (sent − stored).
 *
 * <pre>
 * java -cp bench/target/brainstem-bench-*.jar io.brainstem.bench.syslog.UdpLoadGenerator \
 *     --syslog 127.0.0.1:5514 --http http://127.0.0.1:8080 --rate 50000 --seconds 60 [--warmup 30]
 * </pre>
 * Exit code 0 when nothing was lost, 1 when something was, 2 on a usage or connection error.
 */
public final class UdpLoadGenerator {

    private static final Pattern CHANNEL = Pattern.compile("\"syslog_udp\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(-?\\d+)");
    private static final int DISTINCT_LINES = 100_000;

    private final InetSocketAddress target;
    private final URI runtime;
    private final int rate;
    private final int seconds;
    private final Duration drainTimeout;
    private final int warmupSeconds;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    UdpLoadGenerator(InetSocketAddress target, URI runtime, int rate, int seconds, int warmupSeconds,
            Duration drainTimeout) {
        this.warmupSeconds = warmupSeconds;
        this.target = target;
        this.runtime = runtime;
        this.rate = rate;
        this.seconds = seconds;
        this.drainTimeout = drainTimeout;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String[] hostPort = options.getOrDefault("syslog", "127.0.0.1:5514").split(":");
        UdpLoadGenerator generator = new UdpLoadGenerator(
                new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])),
                URI.create(options.getOrDefault("http", "http://127.0.0.1:8080") + "/runtime"),
                Integer.parseInt(options.getOrDefault("rate", "50000")),
                Integer.parseInt(options.getOrDefault("seconds", "60")),
                Integer.parseInt(options.getOrDefault("warmup", "0")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("drain-timeout", "180"))));
        System.exit(generator.run());
    }

    int run() throws IOException, InterruptedException {
        Map<String, Long> before = awaitCounters(Duration.ofSeconds(30));
        if (before == null) {
            System.err.println("no intake.syslog_udp in " + runtime + ": is the syslog listener wired into serve?");
            return 2;
        }
        byte[][] lines = SyslogLines.generate(DISTINCT_LINES, 42);
        if (warmupSeconds > 0) {
            // the JIT compiles the hot paths during the first tens of seconds, on the same two cores
            System.out.printf(Locale.ROOT, "warm-up: %,d msgs/s for %d s (not counted)%n", rate, warmupSeconds);
            send(lines, (long) rate * warmupSeconds, before, false);
            long waitUntil = System.nanoTime() + drainTimeout.toNanos();
            while (delta(before, counters()).get("queued") > 0 && System.nanoTime() < waitUntil) {
                Thread.sleep(250);
            }
            before = counters();
        }
        System.out.printf(Locale.ROOT, "sending %,d msgs/s for %d s to udp://%s:%d (%,d distinct lines, %d shapes)%n",
                rate, seconds, target.getHostString(), target.getPort(), lines.length, SyslogLines.shapes());
        long start = System.nanoTime();
        long[] result = send(lines, (long) rate * seconds, before, true);
        long sent = result[0];
        long sendErrors = result[1];
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "sent %,d in %.1f s (%,.0f msgs/s achieved), send errors %d%n", sent,
                sendSeconds, sent / sendSeconds, sendErrors);

        long drainStart = System.nanoTime();
        Map<String, Long> last = delta(before, counters());
        long lastReceived = -1;
        int quiet = 0;
        while (System.nanoTime() - drainStart < drainTimeout.toNanos()) {
            last = delta(before, counters());
            long accounted = last.get("stored") + last.get("dropped_queue_full") + last.get("lost");
            if (accounted >= sent) {
                break;
            }
            // datagrams lost at the socket never arrive: stop once nothing is queued and nothing new comes
            quiet = last.get("queued") == 0 && last.get("received") == lastReceived ? quiet + 1 : 0;
            if (quiet >= 4) {
                break;
            }
            lastReceived = last.get("received");
            Thread.sleep(250);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        return report(sent, last, sendSeconds, drainSeconds);
    }

    /** Sends {@code total} messages paced at the rate; returns {sent, send errors}. */
    private long[] send(byte[][] lines, long total, Map<String, Long> before, boolean report) throws IOException {
        long sent = 0;
        long sendErrors = 0;
        ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
        long start = System.nanoTime();
        long nextReport = start + 5_000_000_000L;
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.connect(target);
            while (sent < total) {
                long now = System.nanoTime();
                long due = Math.min(total, (now - start) * rate / 1_000_000_000L);
                if (sent >= due) {
                    LockSupport.parkNanos(100_000); // paced in bursts of ~0.1 ms worth of messages
                    continue;
                }
                while (sent < due) {
                    buffer.clear();
                    buffer.put(lines[(int) (sent % lines.length)]).flip();
                    try {
                        channel.write(buffer);
                    } catch (IOException e) {
                        sendErrors++; // e.g. ECONNREFUSED from an earlier ICMP port unreachable
                    }
                    sent++;
                }
                if (report && now >= nextReport) {
                    nextReport += 5_000_000_000L;
                    progress(before, sent, now - start);
                }
            }
        }
        return new long[] {sent, sendErrors};
    }

    private void progress(Map<String, Long> before, long sent, long elapsedNanos) {
        try {
            Map<String, Long> c = delta(before, counters());
            System.out.printf(Locale.ROOT, "  t=%3ds sent %,d received %,d stored %,d queued %,d dropped %,d%n",
                    elapsedNanos / 1_000_000_000L, sent, c.get("received"), c.get("stored"), c.get("queued"),
                    c.get("dropped_queue_full"));
        } catch (IOException | InterruptedException e) {
            System.out.println("  (runtime not readable: " + e.getMessage() + ")");
        }
    }

    private int report(long sent, Map<String, Long> c, double sendSeconds, double drainSeconds) {
        long received = c.get("received");
        long stored = c.get("stored");
        long dropped = c.get("dropped_queue_full");
        long lost = c.get("lost");
        long socketLoss = sent - received;
        long pipelineLoss = sent - stored;
        System.out.printf(Locale.ROOT, """
                sent               %,d
                received           %,d   (socket loss %,d = %.4f %%)
                stored             %,d   (after %.1f s draining; end-to-end %,.0f msgs/s)
                dropped_queue_full %,d
                lost (store)       %,d
                still queued       %,d
                loss               %,d = %.4f %%
                RESULT %s at %,d msgs/s for %d s%n""",
                sent, received, socketLoss, 100.0 * socketLoss / sent, stored, drainSeconds,
                stored / (sendSeconds + drainSeconds), dropped, lost, c.get("queued"), pipelineLoss,
                100.0 * pipelineLoss / sent, pipelineLoss == 0 ? "ZERO LOSS" : "LOSS", rate, seconds);
        return pipelineLoss == 0 ? 0 : 1;
    }

    /** Waits for the server to answer with syslog_udp counters (it may start HTTP first); null if it never does. */
    private Map<String, Long> awaitCounters(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return counters();
            } catch (IOException | IllegalStateException e) {
                Thread.sleep(200);
            }
        }
        return null;
    }

    private Map<String, Long> counters() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(runtime).timeout(Duration.ofSeconds(5))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher channel = CHANNEL.matcher(response.body());
        if (response.statusCode() != 200 || !channel.find()) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " without intake.syslog_udp");
        }
        Map<String, Long> counters = new HashMap<>();
        Matcher field = FIELD.matcher(channel.group(1));
        while (field.find()) {
            counters.put(field.group(1), Long.parseLong(field.group(2)));
        }
        return counters;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> now) {
        Map<String, Long> d = new HashMap<>();
        for (String key : new String[] {"received", "stored", "dropped_queue_full", "lost"}) {
            d.put(key, now.getOrDefault(key, 0L) - before.getOrDefault(key, 0L));
        }
        d.put("queued", now.getOrDefault("queued", 0L));
        return d;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
