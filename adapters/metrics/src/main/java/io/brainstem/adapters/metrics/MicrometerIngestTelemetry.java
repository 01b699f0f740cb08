package io.brainstem.adapters.metrics;

import io.brainstem.application.port.out.IngestTelemetry;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.envelope.SourceType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest pipeline's reports as meters. Source types are the client's words, so only the known ones become a
 * label value; any other is {@code other}. Every meter exists from the start (a rate over a counter that appears
 * late misses its first increase), and the per-source-type meters are looked up in a map built once.
 */
final class MicrometerIngestTelemetry implements IngestTelemetry {

    static final String OTHER = "other";

    private final Map<String, SourceMeters> perSourceType = new HashMap<>();
    private final SourceMeters other;
    private final Counter ingested;
    private final Counter failed;
    private final AtomicLong signatures = new AtomicLong();
    private final Map<DecisionBand, AtomicLong> candidates = new EnumMap<>(DecisionBand.class);

    MicrometerIngestTelemetry(MeterRegistry registry) {
        for (String type : SourceType.KNOWN) {
            perSourceType.put(type, new SourceMeters(registry, type));
        }
        other = new SourceMeters(registry, OTHER);
        ingested = Counter.builder("brainstem.events.ingested")
                .description("Envelopes committed by ingest, whatever their outcome (the API's event_count)")
                .register(registry);
        failed = Counter.builder("brainstem.ingest.failed.envelopes")
                .description("Envelopes whose ingest transaction failed: none of them was stored")
                .register(registry);
        Gauge.builder("brainstem.signatures", signatures, AtomicLong::get)
                .description("Live signatures held in memory by the tenants loaded since start")
                .register(registry);
        for (DecisionBand band : DecisionBand.values()) {
            AtomicLong count = new AtomicLong();
            candidates.put(band, count);
            Gauge.builder("brainstem.candidates", count, AtomicLong::get).tag("band", band.wireName())
                    .description("Candidates held in memory by the tenants loaded since start, per decision band")
                    .register(registry);
        }
    }

    private SourceMeters meters(String sourceType) {
        SourceMeters m = perSourceType.get(sourceType);
        return m != null ? m : other;
    }

    @Override
    public void received(String sourceType, int count) {
        meters(sourceType).received.increment(count);
    }

    @Override
    public void stored(String sourceType, int canonicalized, int parseFailed, int unsupported) {
        SourceMeters m = meters(sourceType);
        m.canonicalized.increment(canonicalized);
        m.parseFailed.increment(parseFailed);
        m.unsupported.increment(unsupported);
        ingested.increment(canonicalized + parseFailed + unsupported);
    }

    @Override
    public void failed(int envelopes) {
        failed.increment(envelopes);
    }

    @Override
    public void signaturesChanged(long delta) {
        signatures.addAndGet(delta);
    }

    @Override
    public void candidatesChanged(DecisionBand band, long delta) {
        candidates.get(band).addAndGet(delta);
    }

    /** The counters of one source type label value. */
    private static final class SourceMeters {
        final Counter received;
        final Counter canonicalized;
        final Counter parseFailed;
        final Counter unsupported;

        SourceMeters(MeterRegistry registry, String sourceType) {
            received = Counter.builder("brainstem.envelopes.received").tag("source_type", sourceType)
                    .description("Envelopes that arrived at ingest, before their transaction").register(registry);
            canonicalized = stored(registry, sourceType, "canonicalized");
            parseFailed = stored(registry, sourceType, "parse_failed");
            unsupported = stored(registry, sourceType, "unsupported");
        }

        private static Counter stored(MeterRegistry registry, String sourceType, String outcome) {
            return Counter.builder("brainstem.envelopes.stored").tag("source_type", sourceType)
                    .tag("outcome", outcome)
                    .description("Envelopes committed, by outcome: canonicalized, parse_failed or unsupported")
                    .register(registry);
        }
    }
}
