package io.brainstem.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestResult;
import io.brainstem.application.port.in.InvalidRequestException;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.testing.InMemoryStorage;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.MinerSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IngestServiceTest {

    private static final TenantId TENANT = TenantId.of("demo-tenant");
    private final StorageCatalog catalog = InMemoryStorage.catalog();
    private final Storage storage = catalog.open(DatabaseRef.DEFAULT);
    private final IngestService service = new IngestService(catalog, new Canonicalizer(), MinerSettings.DEFAULTS,
            Clock.fixed(Instant.parse("2026-03-22T03:00:30Z"), ZoneOffset.UTC));

    private static EnvelopeContent syslog(String message) {
        return EnvelopeContent.builder(TENANT).sourceType("syslog").host("fw-01").service("charon")
                .messageRaw(message).build();
    }

    private IngestResult ingest(int threshold, EnvelopeContent... contents) {
        return service.ingest(new IngestCommand(DatabaseRef.DEFAULT, List.of(contents), threshold));
    }

    private List<RawEnvelope> allEnvelopes() {
        return storage.unitOfWork().read(() -> storage.rawEnvelopes().findAfter(0, Set.of(), null, 1000));
    }

    @Test
    void everyEnvelopeIsStoredAndCanonicalized() {
        IngestResult result = ingest(2, syslog("VPN tunnel recovered"));

        assertEquals(1, result.eventCount());
        assertEquals(1, result.signatureCount());
        assertEquals(0, result.parseFailed());
        RawEnvelope stored = allEnvelopes().getFirst();
        assertEquals(EnvelopeStatus.CANONICALIZED, stored.status());
        CanonicalEvent event = storage.unitOfWork().read(() -> storage.canonicalEvents().findById(stored.id()))
                .orElseThrow();
        assertEquals("fw-01", event.host());
        assertEquals(TENANT, event.tenantId());
    }

    @Test
    void unparseableAndUnsupportedEnvelopesAreKeptNotRejected() {
        IngestResult result = ingest(2, syslog("   "),
                EnvelopeContent.builder(TENANT).sourceType("carrier-pigeon").messageRaw("coo").build(),
                syslog("fine"));

        assertEquals(3, result.eventCount());
        assertEquals(1, result.parseFailed());
        assertEquals(1, result.unsupported());
        assertEquals(List.of(EnvelopeStatus.PARSE_FAILED, EnvelopeStatus.UNSUPPORTED, EnvelopeStatus.CANONICALIZED),
                allEnvelopes().stream().map(RawEnvelope::status).toList());
        assertTrue(allEnvelopes().getFirst().failureReason().orElseThrow().contains("empty"));
    }

    @Test
    void recurringSignatureBecomesCandidateAtThreshold() {
        assertEquals(0, ingest(3, syslog("disk /dev/sda1 warning 91%"), syslog("disk /dev/sda1 warning 92%"))
                .candidateCount());
        IngestResult third = ingest(3, syslog("disk /dev/sda1 warning 93%"));
        assertEquals(1, third.candidateCount());
        assertEquals(1, third.interestingItems().size());
        assertEquals(3, third.interestingItems().getFirst().candidate().evidence().eventCount());
    }

    @Test
    void repeatedPatternUpdatesOneCandidateNeverDuplicates() {
        for (int i = 0; i < 5; i++) {
            ingest(2, syslog("link eth" + i + " flapped"));
        }
        assertEquals(1, storage.unitOfWork().read(() -> storage.candidates().findByTenant(TENANT, 10)).size());
    }

    @Test
    void stateIsRebuiltFromStorageByAFreshService() {
        ingest(2, syslog("fan 3 failed"));
        IngestService restarted = new IngestService(catalog, new Canonicalizer(), MinerSettings.DEFAULTS,
                Clock.systemUTC());
        IngestResult again = restarted.ingest(new IngestCommand(DatabaseRef.DEFAULT,
                List.of(syslog("fan 4 failed")), 2));
        assertEquals(1, again.candidateCount(), "the signature count survived the restart");
    }

    @Test
    void thresholdOutsideRangeIsRefused() {
        assertThrows(InvalidRequestException.class, () -> ingest(0, syslog("x")));
    }
}
