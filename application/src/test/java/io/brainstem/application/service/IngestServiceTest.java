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
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.mining.MiningPreview;
import java.util.ArrayList;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IngestServiceTest {

    private static final TenantId TENANT = TenantId.of("demo-tenant");
    private static final Instant NOW = Instant.parse("2026-03-22T03:00:30Z");
    private final StorageCatalog catalog = InMemoryStorage.catalog();
    private final Storage storage = catalog.open(DatabaseRef.DEFAULT);
    private final IngestService service = new IngestService(catalog, new Canonicalizer(), MinerSettings.DEFAULTS,
            Clock.fixed(NOW, ZoneOffset.UTC));

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
    void aTimeFarFromItsReceiptIsKeptButNeverMovesTheSignaturesFirstOrLastSeen() {
        ingest(2, syslog("VPN tunnel recovered"));
        ingest(2, EnvelopeContent.builder(TENANT).sourceType("syslog").host("FW-01").service("charon")
                .timestamp("9999-12-31T23:59:59Z").messageRaw("VPN tunnel recovered").build(),
                EnvelopeContent.builder(TENANT).sourceType("syslog").host("ｆｗ-01").service("charon")
                .timestamp("0001-01-01T00:00:00Z").messageRaw("VPN tunnel recovered").build());

        Signature signature = storage.unitOfWork().read(() -> storage.signatures().findByTenant(TENANT, 10))
                .getFirst();
        assertEquals(3, signature.occurrenceCount());
        assertEquals(Set.of("fw-01"), signature.hosts());
        assertEquals(NOW, signature.firstSeen(), "0001-01-01 does not become the first sighting");
        assertEquals(NOW, signature.lastSeen(), "9999-12-31 does not become the last sighting for good");
        List<CanonicalEvent> events = allEnvelopes().stream().map(e -> storage.unitOfWork()
                .read(() -> storage.canonicalEvents().findById(e.id())).orElseThrow()).toList();
        assertEquals(List.of("fw-01", "fw-01", "fw-01"), events.stream().map(CanonicalEvent::host).toList(),
                "one host, whatever its spelling");
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), events.get(1).timestamp(), "kept as sent");
        assertEquals("ahead", events.get(1).fieldSources().get("timestamp_out_of_bounds"));
        assertEquals("behind", events.get(2).fieldSources().get("timestamp_out_of_bounds"));
    }

    private IngestResult ingestKeyed(String key, String fingerprint, EnvelopeContent... contents) {
        return service.ingest(new IngestCommand(DatabaseRef.DEFAULT, List.of(contents), 2).withIdempotency(
                java.util.Optional.of(new io.brainstem.application.port.in.IngestEventsUseCase.IdempotencyKey(key,
                        fingerprint))));
    }

    @Test
    void aRepeatOfAKeyedRequestIsAnsweredFromTheFirstAndStoresNothing() {
        IngestResult first = ingestKeyed("batch-7", "f1", syslog("VPN tunnel down"), syslog("VPN tunnel down"),
                syslog("VPN tunnel down"));
        IngestResult again = ingestKeyed("batch-7", "f1", syslog("VPN tunnel down"), syslog("VPN tunnel down"),
                syslog("VPN tunnel down"));

        assertEquals(3, allEnvelopes().size(), "the repeat stored nothing");
        assertTrue(again.repeated());
        assertEquals(false, first.repeated());
        assertEquals(first.events(), again.events(), "the same event ids, signatures and candidates");
        assertEquals(first.eventCount(), again.eventCount());
        assertEquals(first.signaturesCreated(), again.signaturesCreated());
        assertEquals(first.interestingItems().stream().map(i -> i.candidate().id()).toList(),
                again.interestingItems().stream().map(i -> i.candidate().id()).toList());

        ingestKeyed("batch-8", "f1", syslog("VPN tunnel down"));
        assertEquals(4, allEnvelopes().size(), "another key is another request");
        InvalidRequestException reused = assertThrows(InvalidRequestException.class,
                () -> ingestKeyed("batch-7", "f2", syslog("something else")));
        assertEquals("idempotency_key_reused", reused.code());
        assertEquals(4, allEnvelopes().size());
    }

    @Test
    void anInvalidIdempotencyKeyIsRefusedByName() {
        for (String key : new String[] {"", "has space", "x".repeat(256), "tab\there", "ünï"}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> new io.brainstem.application.port.in.IngestEventsUseCase.IdempotencyKey(key, "f"));
            assertEquals("invalid_idempotency_key", e.code(), key);
        }
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
            ingest(2, syslog("link to 10.0.0." + i + " flapped"));
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
    void minePreviewGivesTheServersTemplateAndSignatureIdForSyslogLines() {
        List<String> lines = List.of(
                "<30>Mar 22 03:00:00 fw-01 charon[812]: CHILD_SA tunnel-a established with 10.1.0.1",
                "<30>Mar 22 03:00:01 fw-02 charon[813]: CHILD_SA tunnel-b established with 10.1.0.2",
                "<13>1 2026-03-22T03:00:02Z host app - - [a@1 k=\"v\"] user alice logged in",
                "<14>Mar 22 03:00:03 X4711",
                "Mar 22 03:00:04 web-1 sshd: user bob logged in",
                "<165>Mar 22 03:00:05 r1 %LINK-3-UPDOWN: Interface Gi0/1, changed state to down");
        List<EnvelopeContent> contents = lines.stream()
                .map(line -> EnvelopeContent.builder(TENANT).sourceType("syslog").messageRaw(line).build()).toList();
        service.ingest(new IngestCommand(DatabaseRef.DEFAULT, contents, 2));
        List<String> server = new ArrayList<>();
        for (RawEnvelope envelope : allEnvelopes()) {
            CanonicalEvent event = storage.unitOfWork().read(() -> storage.canonicalEvents().findById(envelope.id()))
                    .orElseThrow();
            Signature signature = storage.unitOfWork().read(() -> storage.signatures().findById(TENANT,
                    event.signatureId())).orElseThrow();
            server.add(signature.id().value() + "\t" + signature.template());
        }

        List<String> preview = new ArrayList<>();
        Canonicalizer canonicalizer = new Canonicalizer();
        MiningPreview.preview(TENANT, lines, line -> canonicalizer.messageToMine(TENANT, line, NOW), preview::add);

        assertEquals(server, preview);
        assertTrue(preview.get(3).endsWith("\t<empty>"), preview.get(3));
    }

    @Test
    void thresholdOutsideRangeIsRefused() {
        assertThrows(InvalidRequestException.class, () -> ingest(0, syslog("x")));
    }
}
