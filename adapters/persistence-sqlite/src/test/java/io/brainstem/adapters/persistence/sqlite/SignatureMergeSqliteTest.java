package io.brainstem.adapters.persistence.sqlite;

import static io.brainstem.application.testing.ScriptedMergingMiner.ALICE;
import static io.brainstem.application.testing.ScriptedMergingMiner.BOB;
import static io.brainstem.application.testing.ScriptedMergingMiner.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand;
import io.brainstem.application.port.in.InspectionQueries.EventFilter;
import io.brainstem.application.port.in.ReplayRawEnvelopesUseCase.ReplayCommand;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.service.IngestService;
import io.brainstem.application.service.InspectionService;
import io.brainstem.application.service.ReplayService;
import io.brainstem.application.testing.ScriptedMergingMiner;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.MinerSettings;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merges through the pipelined SQLite writer (ADR 13, ADR 16): counts, aliases, a real restart and replay. */
class SignatureMergeSqliteTest {

    private static final TenantId TENANT = TenantId.of("acme");

    @TempDir
    Path dir;

    private static IngestService service(SqliteStorageCatalog catalog) {
        return new IngestService(catalog, new Canonicalizer(), MinerSettings.DEFAULTS, ScriptedMergingMiner::new,
                Clock.systemUTC());
    }

    private static void ingest(IngestService service, String... users) {
        service.ingest(new IngestCommand(DatabaseRef.DEFAULT, Arrays.stream(users).map(u -> EnvelopeContent
                .builder(TENANT).sourceType("file").host("h-" + u).messageRaw("login failed for " + u).build())
                .toList(), 2));
    }

    private static Signature stored(Storage storage, SignatureId id) {
        return storage.unitOfWork().read(() -> storage.signatures().findById(TENANT, id)).orElseThrow();
    }

    @Test
    void mergedIdsResolveAcrossARestartAndReplay() throws Exception {
        Path file = dir.resolve("merge.sqlite3");
        try (SqliteStorageCatalog catalog = new SqliteStorageCatalog(dir, file)) {
            IngestService service = service(catalog);
            ingest(service, "alice", "alice", "bob");
            ingest(service, "carol");
            Storage storage = catalog.open(DatabaseRef.DEFAULT);
            assertEquals(4, stored(storage, USERS).occurrenceCount());
            assertEquals(USERS, stored(storage, BOB).id());
        }
        try (SqliteStorageCatalog catalog = new SqliteStorageCatalog(dir, file)) {
            IngestService service = service(catalog);
            ingest(service, "erin");
            Storage storage = catalog.open(DatabaseRef.DEFAULT);
            assertEquals(5, stored(storage, ALICE).occurrenceCount());
            assertEquals(List.of(USERS), storage.unitOfWork().read(() -> storage.signatures().findByTenant(TENANT,
                    10)).stream().map(Signature::id).toList());

            new ReplayService(catalog, service).replay(new ReplayCommand(DatabaseRef.DEFAULT, List.of(1L),
                    Set.of(EnvelopeStatus.CANONICALIZED), true, 2));
            assertEquals(5, stored(storage, USERS).occurrenceCount());
            assertEquals(USERS, storage.unitOfWork().read(() -> storage.canonicalEvents().findById(
                    new RawEnvelopeId(1))).orElseThrow().signatureId());

            EventFilter byBob = new EventFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(BOB.value()));
            assertEquals(5, new InspectionService(catalog).canonicalEvents(DatabaseRef.DEFAULT, byBob, 100).size());
        }
    }
}
