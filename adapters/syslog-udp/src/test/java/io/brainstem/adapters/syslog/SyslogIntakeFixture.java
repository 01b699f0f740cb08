package io.brainstem.adapters.syslog;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.service.IngestService;
import io.brainstem.application.testing.InMemoryStorage;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.MinerSettings;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The real ingest service over in-memory storage, and reads of what it stored. */
final class SyslogIntakeFixture {

    static final TenantId TENANT = TenantId.of("net-team");

    private final StorageCatalog catalog = InMemoryStorage.catalog();
    final IngestEventsUseCase ingest = new IngestService(catalog, new Canonicalizer(), MinerSettings.DEFAULTS,
            Clock.systemUTC());
    private final Storage storage = catalog.open(DatabaseRef.DEFAULT);

    static SyslogIntakeSettings settings() {
        return SyslogIntakeSettings.defaults(TENANT).withSourceId("edge-syslog");
    }

    List<RawEnvelope> envelopes() {
        return storage.unitOfWork().read(() -> storage.rawEnvelopes().findAfter(0, List.of(), null, 100_000));
    }

    Optional<CanonicalEvent> event(RawEnvelope envelope) {
        return storage.unitOfWork().read(() -> storage.canonicalEvents().findById(envelope.id()));
    }
}
