package io.brainstem.bench.pipeline;

import io.brainstem.adapters.persistence.sqlite.SqliteStorageCatalog;
import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand;
import io.brainstem.application.port.in.IngestEventsUseCase.Submitted;
import io.brainstem.application.service.IngestService;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.MinerSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The ingest pipeline in-process, without HTTP: the same use case over a real SQLite file.
 * {@code PipelineBench [BATCHES] [BATCH_SIZE] [IN_FLIGHT]} prints events/s after a warm-up, and the CPU time per
 * event of the process and of each busy thread. With {@code IN_FLIGHT} above 1 (default 2, as the syslog writer)
 * batches are submitted ahead, so that one batch's work overlaps the previous batch's commit.
 */
public final class PipelineBench {

    private PipelineBench() {
    }

    private static void run(IngestService ingest, List<List<EnvelopeContent>> bodies, int batches, int inFlight) {
        ArrayDeque<Submitted> pending = new ArrayDeque<>();
        for (int i = 0; i < batches; i++) {
            pending.add(ingest.submit(new IngestCommand(DatabaseRef.DEFAULT, bodies.get(i % bodies.size()), 2)));
            if (pending.size() >= inFlight) {
                pending.poll().join();
            }
        }
        while (!pending.isEmpty()) {
            pending.poll().join();
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Map<String, Long> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                cpu.merge(info.getThreadName(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())), Long::sum);
            }
        }
        return cpu;
    }

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path dir = Files.createTempDirectory("brainstem-pipeline");
        try (SqliteStorageCatalog catalog = new SqliteStorageCatalog(dir, dir.resolve("bench.sqlite3"))) {
            IngestService ingest = new IngestService(catalog, new Canonicalizer(), MinerSettings.DEFAULTS,
                    Clock.systemUTC());
            Random r = new Random(3);
            List<List<EnvelopeContent>> bodies = new ArrayList<>();
            for (int b = 0; b < 50; b++) {
                List<EnvelopeContent> batch = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    batch.add(EnvelopeContent.builder(TenantId.of("bench")).sourceType("syslog")
                            .sourceId("bench-" + (i % 8)).messageRaw(Lines.line(r)).build());
                }
                bodies.add(batch);
            }
            run(ingest, bodies, Math.max(40, batches / 4), inFlight);
            Map<String, Long> before = threadCpu();
            long cpu0 = processCpu();
            long t0 = System.nanoTime();
            run(ingest, bodies, batches, inFlight);
            double secs = (System.nanoTime() - t0) / 1e9;
            long events = (long) batches * size;
            System.out.printf(Locale.ROOT, "pipeline: %,d events in %.2f s = %,.0f events/s (batch %d, %d in flight)%n",
                    events, secs, events / secs, size, inFlight);
            System.out.printf(Locale.ROOT, "  process CPU %.2f us/event%n", (processCpu() - cpu0) / 1e3 / events);
            threadCpu().forEach((name, ns) -> {
                double us = (ns - before.getOrDefault(name, 0L)) / 1e3 / events;
                if (us >= 0.05) {
                    System.out.printf(Locale.ROOT, "  %-32s %.2f us/event%n", name, us);
                }
            });
        }
    }
}
