package io.brainstem.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand;
import io.brainstem.application.port.out.IngestTelemetry;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.port.out.StorageException;
import io.brainstem.application.testing.InMemoryStorage;
import io.brainstem.application.testing.ScriptedMergingMiner;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.MinerSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What ingest reports to its telemetry port: counts per source type and outcome, and held signatures and bands. */
class IngestTelemetryTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-22T03:00:30Z"), ZoneOffset.UTC);

    private final Recording telemetry = new Recording();
    private final StorageCatalog catalog = InMemoryStorage.catalog();
    private final InMemoryStorage storage = (InMemoryStorage) catalog.open(DatabaseRef.DEFAULT);
    private final IngestService service = new IngestService(catalog, new Canonicalizer(), MinerSettings.DEFAULTS,
            CLOCK, telemetry);

    private static EnvelopeContent syslog(String message) {
        return EnvelopeContent.builder(TENANT).sourceType("syslog").host("fw-01").service("charon")
                .messageRaw(message).build();
    }

    private void ingest(List<EnvelopeContent> contents) {
        service.ingest(new IngestCommand(DatabaseRef.DEFAULT, contents, 2));
    }

    @Test
    void envelopesAreCountedPerSourceTypeOnArrivalAndPerOutcomeOnceCommitted() {
        ingest(List.of(syslog("VPN tunnel down"), syslog("   "), syslog("VPN tunnel up"),
                EnvelopeContent.builder(TENANT).sourceType("carrier-pigeon").messageRaw("coo").build()));

        assertEquals(Map.of("syslog", 3L, "carrier-pigeon", 1L), telemetry.received);
        assertEquals(Map.of("syslog", List.of(2L, 1L, 0L), "carrier-pigeon", List.of(0L, 0L, 1L)),
                telemetry.storedLists());
        assertEquals(0, telemetry.failed);
    }

    @Test
    void heldSignaturesAndCandidatesPerBandEqualWhatStorageHolds() {
        for (int round = 0; round < 4; round++) {
            ingest(IntStream.range(0, 6).mapToObj(i -> syslog("IPsec SA to peer 10.0.0." + i + " expired, "
                    + "rekey failed")).toList());
            ingest(List.of(syslog("link eth" + round + " flapped"), syslog("kernel: segfault at 0 in worker")));
        }

        assertEquals(storedSignatures(), telemetry.signatures);
        assertEquals(storedBands(), telemetry.bands());
        assertTrue(telemetry.signatures > 0 && !telemetry.bands().isEmpty(), "the scenario makes both: "
                + telemetry.signatures + " " + telemetry.bands());
    }

    @Test
    void aFailedCommitIsCountedAndTheDroppedStateNoLongerCounts() {
        ingest(List.of(syslog("fan 3 failed"), syslog("fan 3 failed"), syslog("disk sda1 full")));
        assertEquals(2, telemetry.signatures);

        storage.failNextWrite();
        assertThrows(StorageException.class, () -> ingest(List.of(syslog("fan 4 failed"), syslog("new thing"))));

        assertEquals(2, telemetry.failed);
        assertEquals(List.of(3L, 0L, 0L), telemetry.storedLists().get("syslog"), "the failed batch is not stored");
        assertEquals(0, telemetry.signatures, "the state was dropped with the failed transaction");
        assertEquals(Map.of(), telemetry.bands());

        ingest(List.of(syslog("fan 5 failed")));
        assertEquals(storedSignatures(), telemetry.signatures, "reloaded from storage with the next write");
        assertEquals(storedBands(), telemetry.bands());
    }

    @Test
    void signaturesMergedIntoAnotherNoLongerCount() {
        IngestService merging = new IngestService(catalog, new Canonicalizer(), MinerSettings.DEFAULTS,
                ScriptedMergingMiner::new, CLOCK, telemetry);
        merging.ingest(new IngestCommand(DatabaseRef.DEFAULT, List.of(login("alice"), login("bob")), 2));
        assertEquals(2, telemetry.signatures);

        merging.ingest(new IngestCommand(DatabaseRef.DEFAULT, List.of(login("carol")), 2));

        assertEquals(1, telemetry.signatures, "alice's and bob's signatures merged into one");
        assertEquals(storedSignatures(), telemetry.signatures);
    }

    private static EnvelopeContent login(String user) {
        return EnvelopeContent.builder(TENANT).sourceType("file").host("h").service("sshd")
                .messageRaw("login failed for " + user).build();
    }

    private long storedSignatures() {
        return storage.unitOfWork().read(() -> storage.signatures().findByTenant(TENANT, 10_000)).size();
    }

    private Map<DecisionBand, Long> storedBands() {
        Map<DecisionBand, Long> bands = new TreeMap<>();
        for (Candidate c : storage.unitOfWork().read(() -> storage.candidates().findByTenant(TENANT, 10_000))) {
            bands.merge(c.decisionBand(), 1L, Long::sum);
        }
        return bands;
    }

    /** Adds up what is reported, as a metrics registry would. */
    private static final class Recording implements IngestTelemetry {
        final Map<String, Long> received = new TreeMap<>();
        final Map<String, long[]> stored = new TreeMap<>();
        final Map<DecisionBand, Long> perBand = new EnumMap<>(DecisionBand.class);
        long failed;
        long signatures;

        @Override
        public synchronized void received(String sourceType, int count) {
            received.merge(sourceType, (long) count, Long::sum);
        }

        @Override
        public synchronized void stored(String sourceType, int canonicalized, int parseFailed, int unsupported) {
            long[] c = stored.computeIfAbsent(sourceType, k -> new long[3]);
            c[0] += canonicalized;
            c[1] += parseFailed;
            c[2] += unsupported;
        }

        @Override
        public synchronized void failed(int envelopes) {
            failed += envelopes;
        }

        @Override
        public synchronized void signaturesChanged(long delta) {
            signatures += delta;
        }

        @Override
        public synchronized void candidatesChanged(DecisionBand band, long delta) {
            perBand.merge(band, delta, Long::sum);
        }

        synchronized Map<String, List<Long>> storedLists() {
            Map<String, List<Long>> m = new TreeMap<>();
            stored.forEach((k, v) -> m.put(k, List.of(v[0], v[1], v[2])));
            return m;
        }

        /** Bands with a non-zero count. */
        synchronized Map<DecisionBand, Long> bands() {
            Map<DecisionBand, Long> m = new TreeMap<>();
            perBand.forEach((k, v) -> {
                if (v != 0) {
                    m.put(k, v);
                }
            });
            return m;
        }
    }
}
