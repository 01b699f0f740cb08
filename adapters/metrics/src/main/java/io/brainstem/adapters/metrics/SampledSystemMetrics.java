package io.brainstem.adapters.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The process and system meters of Micrometer's {@code ProcessorMetrics} and {@code FileDescriptorMetrics}, under the
 * same names, read by a sampler every {@link #PERIOD} instead of at scrape time (ADR 35). Reading them means reading
 * {@code /proc} (CPU load, the open descriptors): about 220 µs, two thirds of a whole scrape. Sampled, a scrape reads
 * seven numbers; a value is at most one period old, against Prometheus's 15 s scrape interval.
 *
 * <p>The sampler thread survives any exception of a reading (it logs it once and keeps the last values); it is a
 * daemon and stops on {@link #close()}.
 */
final class SampledSystemMetrics implements MeterBinder, AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(SampledSystemMetrics.class.getName());

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final ScheduledExecutorService sampler;
    private volatile Sample last;
    private volatile boolean warned;

    /** What one sampling read; NaN where this JVM or OS does not tell. */
    record Sample(double systemLoad, double systemCpu, double processCpu, double processCpuNanos, double openFiles,
            double maxFiles) {
    }

    SampledSystemMetrics() {
        this(PERIOD);
    }

    /** Sampling every {@code period} (tests take a long one, so that a scrape surely reads the first sample). */
    SampledSystemMetrics(Duration period) {
        last = read();
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "brainstem-metrics-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sampleQuietly, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("system.cpu.count", os, OperatingSystemMXBean::getAvailableProcessors)
                .description("The number of processors available to the Java virtual machine").register(registry);
        Gauge.builder("system.load.average.1m", this, m -> m.last.systemLoad())
                .description("The sum of the number of runnable entities queued to available processors and the"
                        + " number of runnable entities running on the available processors averaged over a period"
                        + " of time").register(registry);
        Gauge.builder("system.cpu.usage", this, m -> m.last.systemCpu())
                .description("The \"recent cpu usage\" of the system the application is running in")
                .register(registry);
        Gauge.builder("process.cpu.usage", this, m -> m.last.processCpu())
                .description("The \"recent cpu usage\" for the Java Virtual Machine process").register(registry);
        FunctionCounter.builder("process.cpu.time", this, m -> m.last.processCpuNanos()).baseUnit("ns")
                .description("The \"cpu time\" used by the Java Virtual Machine process").register(registry);
        Gauge.builder("process.files.open", this, m -> m.last.openFiles()).baseUnit("files")
                .description("The open file descriptor count").register(registry);
        Gauge.builder("process.files.max", this, m -> m.last.maxFiles()).baseUnit("files")
                .description("The maximum file descriptor count").register(registry);
    }

    /** The values a scrape reports now. */
    Sample last() {
        return last;
    }

    private void sampleQuietly() {
        try {
            last = read();
        } catch (Throwable t) { // NOPMD: a scheduled task that throws is never run again; keep the last values
            if (!warned) {
                warned = true;
                LOG.log(Level.WARNING, "cannot read the process and system meters; they keep their last values: "
                        + t);
            }
        }
    }

    private Sample read() {
        double load = os.getSystemLoadAverage();
        double systemCpu = Double.NaN;
        double processCpu = Double.NaN;
        double cpuNanos = Double.NaN;
        double open = Double.NaN;
        double max = Double.NaN;
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            systemCpu = sun.getCpuLoad();
            processCpu = sun.getProcessCpuLoad();
            cpuNanos = sun.getProcessCpuTime();
        }
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            open = unix.getOpenFileDescriptorCount();
            max = unix.getMaxFileDescriptorCount();
        }
        return new Sample(load < 0 ? Double.NaN : load, negativeIsUnknown(systemCpu), negativeIsUnknown(processCpu),
                negativeIsUnknown(cpuNanos), negativeIsUnknown(open), negativeIsUnknown(max));
    }

    private static double negativeIsUnknown(double value) {
        return value < 0 ? Double.NaN : value;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
