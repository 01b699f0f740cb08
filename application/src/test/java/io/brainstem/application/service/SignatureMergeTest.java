package io.brainstem.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand;
import io.brainstem.application.port.in.InspectionQueries.EventFilter;
import io.brainstem.application.port.in.ReplayRawEnvelopesUseCase.ReplayCommand;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.testing.InMemoryStorage;
import io.brainstem.application.testing.ScriptedMergingMiner;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.MinerSettings;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Signatures the miner merges keep their ids as aliases of the survivor: in counts, storage, restarts, replay. */
class SignatureMergeTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final SignatureId ALICE = ScriptedMergingMiner.ALICE;
    private static final SignatureId BOB = ScriptedMergingMiner.BOB;
    private static final SignatureId USERS = ScriptedMergingMiner.USERS;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-22T03:00:30Z"), ZoneOffset.UTC);

    private final StorageCatalog catalog = InMemoryStorage.catalog();
    private final Storage storage = catalog.open(DatabaseRef.DEFAULT);

    private IngestService service() {
        return new IngestService(catalog, new Canonicalizer(), MinerSettings.DEFAULTS, t -> new ScriptedMergingMiner(t), CLOCK);
    }

    private static EnvelopeContent login(String user) {
        return EnvelopeContent.builder(TENANT).sourceType("file").host("host-" + user).service("sshd")
                .messageRaw("login failed for " + user).build();
    }

    private static void ingest(IngestService service, String... users) {
        service.ingest(new IngestCommand(DatabaseRef.DEFAULT, java.util.Arrays.stream(users)
                .map(SignatureMergeTest::login).toList(), 2));
    }

    private Signature stored(SignatureId id) {
        return storage.unitOfWork().read(() -> storage.signatures().findById(TENANT, id)).orElseThrow();
    }

    private List<SignatureId> live() {
        return storage.unitOfWork().read(() -> storage.signatures().findByTenant(TENANT, 100)).stream()
                .map(Signature::id).toList();
    }

    @Test
    void absorbedSignaturesAddUpInTheSurvivorAndTheirIdsResolveToIt() {
        IngestService service = service();
        ingest(service, "alice", "alice", "bob");
        assertEquals(2, stored(ALICE).occurrenceCount());

        ingest(service, "carol");

        Signature users = stored(USERS);
        assertEquals(4, users.occurrenceCount());
        assertEquals(Set.of("host-alice", "host-bob", "host-carol"), users.hosts());
        assertEquals("login failed for <*>", users.template());
        assertEquals(USERS, stored(ALICE).id());
        assertEquals(USERS, stored(BOB).id());
        assertEquals(List.of(USERS), live());
        assertEquals(List.of(ALICE, BOB), storage.unitOfWork().read(() -> storage.signatures().aliasesOf(TENANT,
                USERS)));

        ingest(service, "dave");
        assertEquals(5, stored(USERS).occurrenceCount());
        EventFilter byOldId = new EventFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(ALICE.value()));
        assertEquals(5, new InspectionService(catalog).canonicalEvents(DatabaseRef.DEFAULT, byOldId, 100).size());
    }

    @Test
    void mergesSurviveARestartAndReplayRetractsFromTheSurvivor() {
        IngestService before = service();
        ingest(before, "alice", "bob", "carol");
        assertEquals(3, stored(USERS).occurrenceCount());

        IngestService after = service(); // a restart: a fresh miner and tenant state over the same storage
        ingest(after, "erin");
        assertEquals(4, stored(USERS).occurrenceCount());
        assertEquals(List.of(USERS), live());

        // envelope 1 is alice's first event, still written under ALICE
        assertEquals(ALICE, storage.unitOfWork().read(() -> storage.canonicalEvents().findById(
                new io.brainstem.domain.envelope.RawEnvelopeId(1))).orElseThrow().signatureId());
        new ReplayService(catalog, after).replay(new ReplayCommand(DatabaseRef.DEFAULT, List.of(1L),
                Set.of(EnvelopeStatus.CANONICALIZED), true, 2));

        assertEquals(4, stored(USERS).occurrenceCount());
        assertEquals(USERS, storage.unitOfWork().read(() -> storage.canonicalEvents().findById(
                new io.brainstem.domain.envelope.RawEnvelopeId(1))).orElseThrow().signatureId());
        assertEquals(List.of(USERS), live());
    }

    @Test
    void equalTemplatesRestoredFromAnOlderStoreMergeIntoTheOlderOneOnce() {
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        Signature older = Signature.restore(new SignatureId("sig_older"), TENANT, "disk <*> full", "disk sda full", 3,
                t0, t0.plusSeconds(10), Set.of("a"), 1, null, EventFamily.DISK);
        Signature newer = Signature.restore(new SignatureId("sig_newer"), TENANT, "disk <*> full", "disk sdb full", 2,
                t0.plusSeconds(100), t0.plusSeconds(200), Set.of("b"), 1, null, EventFamily.DISK);
        storage.unitOfWork().write(() -> {
            storage.signatures().saveAll(List.of(older, newer));
            return null;
        });

        ingest(service(), "zoe"); // loads the tenant: restore holds the newer one under the older one's id
        ingest(service(), "zoe"); // and again after another restart: nothing more to merge

        Signature survivor = stored(new SignatureId("sig_newer"));
        assertEquals(new SignatureId("sig_older"), survivor.id());
        assertEquals(5, survivor.occurrenceCount());
        assertEquals(t0, survivor.firstSeen());
        assertEquals(t0.plusSeconds(200), survivor.lastSeen());
        assertEquals(Set.of("a", "b"), survivor.hosts());
        assertEquals(2, live().size()); // sig_older and zoe's own
    }
}
