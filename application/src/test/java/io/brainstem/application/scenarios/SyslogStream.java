package io.brainstem.application.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Builds a scenario's lines: RFC 3164 {@code <PRI>Mmm dd hh:mm:ss host tag[pid]: msg} (BSD timestamp, day
 * space-padded, no year, UTC), from one seeded {@link Random} so that a seed gives the same lines.
 */
final class SyslogStream {

    static final int KERN = 0, USER = 1, MAIL = 2, DAEMON = 3, AUTH = 4, CRON = 9, AUTHPRIV = 10, LOCAL0 = 16,
            LOCAL4 = 20, LOCAL7 = 23;
    static final int CRIT = 2, ERR = 3, WARNING = 4, NOTICE = 5, INFO = 6;

    private static final DateTimeFormatter BSD = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

    final Random random;
    final Instant start;
    final Instant end;
    private final List<Scenario.Line> lines = new ArrayList<>();
    private long order;
    private final List<Long> orders = new ArrayList<>();

    SyslogStream(long seed, Instant start, Duration length) {
        this.random = new Random(seed);
        this.start = start;
        this.end = start.plus(length);
    }

    /** Emits one line (dropped when outside the scenario's time span). */
    void emit(Instant at, int facility, int severity, String host, String tag, String pid, String message,
            String label) {
        String program = pid == null ? tag : tag + "[" + pid + "]";
        emitBody(at, facility, severity, host, program + ": " + message, label);
    }

    /** Emits {@code <PRI>timestamp host body}: for senders whose body has no {@code tag: } (Snare). */
    void emitBody(Instant at, int facility, int severity, String host, String body, String label) {
        if (at.isBefore(start) || !at.isBefore(end)) {
            return;
        }
        String header = BSD.format(ZonedDateTime.ofInstant(at, ZoneOffset.UTC));
        lines.add(new Scenario.Line(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                "<" + (facility * 8 + severity) + ">" + header + " " + host + " " + body, label));
        orders.add(order++);
    }

    /** A per-stream counter (record numbers, event ids): 1, 2, 3... */
    long next() {
        return ++counter;
    }

    private long counter;

    /** Cisco IOS / Junos style: the tag is the mnemonic, no pid. */
    void emitTagged(Instant at, int facility, int severity, String host, String tag, String message, String label) {
        emit(at, facility, severity, host, tag, null, message, label);
    }

    /** The lines sorted by time (stable: lines of the same second keep their emission order). */
    List<Scenario.Line> lines() {
        List<Integer> index = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            index.add(i);
        }
        index.sort(Comparator.comparing((Integer i) -> lines.get(i).at()).thenComparing(orders::get));
        return index.stream().map(lines::get).toList();
    }

    // --- realistic values ---------------------------------------------------------------------------------

    Instant day(int dayIndex) {
        return start.plus(Duration.ofDays(dayIndex));
    }

    int days() {
        return (int) Duration.between(start, end).toDays();
    }

    /** {@code at} plus a uniform jitter of ±{@code seconds}. */
    Instant jitter(Instant at, int seconds) {
        return at.plusMillis((long) ((random.nextDouble() * 2 - 1) * seconds * 1000));
    }

    Instant plusSeconds(Instant at, double min, double max) {
        return at.plusMillis((long) ((min + random.nextDouble() * (max - min)) * 1000));
    }

    /** A random time of day on {@code dayIndex} between the given hours. */
    Instant randomTime(int dayIndex, int fromHour, int toHour) {
        return day(dayIndex).plusMillis((long) ((fromHour + random.nextDouble() * (toHour - fromHour)) * 3_600_000));
    }

    /** Poisson arrivals with a per-hour rate shaped by {@code diurnal} (multiplier by UTC hour). */
    List<Instant> poisson(double perHour, double[] diurnal) {
        List<Instant> times = new ArrayList<>();
        Instant t = start;
        while (t.isBefore(end)) {
            int hour = ZonedDateTime.ofInstant(t, ZoneOffset.UTC).getHour();
            double rate = perHour * (diurnal == null ? 1 : diurnal[hour]) / 3600.0;
            double gap = rate <= 0 ? 3600 : -Math.log(1 - random.nextDouble()) / rate;
            t = t.plusMillis((long) (Math.min(gap, 3600) * 1000));
            if (rate > 0 && t.isBefore(end) && random.nextDouble() < 1) {
                times.add(t);
            }
        }
        return times;
    }

    /** Office-hours shape: low at night, high 08-18 UTC. */
    static final double[] OFFICE = {0.2, 0.15, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.4, 1.8, 1.9, 1.9, 1.6, 1.8, 1.9, 1.8,
            1.6, 1.3, 1.0, 0.8, 0.6, 0.5, 0.4, 0.3};

    int pid() {
        return 1000 + random.nextInt(60000);
    }

    int ephemeralPort() {
        return 32768 + random.nextInt(28232);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Zipf-skewed pick (exponent 1.1): the first values are much more frequent. */
    <T> T zipf(List<T> values) {
        double[] weights = new double[values.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1 / Math.pow(i + 1, 1.1);
            total += weights[i];
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r <= 0) {
                return values.get(i);
            }
        }
        return values.getLast();
    }

    String hex(int digits) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            b.append("0123456789ABCDEF".charAt(random.nextInt(16)));
        }
        return b.toString();
    }

    String ip(String prefix) {
        return prefix + (1 + random.nextInt(254));
    }
}
