package io.brainstem.bench.pipeline;

import io.brainstem.adapters.persistence.sqlite.SqliteStorageCatalog;
import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand;
import io.brainstem.application.service.IngestService;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.MinerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The ingest pipeline in-process, without HTTP: the same use case over a real SQLite file.
 * {@code PipelineBench [BATCHES] [BATCH_SIZE]} prints events/s after a warm-up.
 */
public final class PipelineBench {

    private PipelineBench() {
    }

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 500;
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
            for (int i = 0; i < 40; i++) {
                ingest.ingest(new IngestCommand(DatabaseRef.DEFAULT, bodies.get(i % bodies.size()), 2));
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < batches; i++) {
                ingest.ingest(new IngestCommand(DatabaseRef.DEFAULT, bodies.get(i % bodies.size()), 2));
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "pipeline: %,d events in %.2f s = %,.0f events/s (batch %d)%n",
                    (long) batches * size, secs, batches * size / secs, size);
        }
    }
}
