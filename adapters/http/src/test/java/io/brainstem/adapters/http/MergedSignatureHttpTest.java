package io.brainstem.adapters.http;

import static io.brainstem.adapters.http.ApiTestSupport.assertError;
import static io.brainstem.adapters.http.ApiTestSupport.assertOk;
import static io.brainstem.adapters.http.ApiTestSupport.get;
import static io.brainstem.adapters.http.ApiTestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.RuntimeQueries;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.service.IngestService;
import io.brainstem.application.service.MemoryService;
import io.brainstem.application.service.InspectionService;
import io.brainstem.application.service.ReplayService;
import io.brainstem.application.testing.InMemoryStorage;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.MinerSettings;
import io.brainstem.domain.signature.Signature;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An id merged into another signature keeps working over HTTP: it answers with the survivor (ADR 16). */
@ServerTest
class MergedSignatureHttpTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final StorageCatalog CATALOG = InMemoryStorage.catalog();

    private final Http1Client client;

    MergedSignatureHttpTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder builder) {
        IngestService ingest = new IngestService(CATALOG, new Canonicalizer(), MinerSettings.DEFAULTS,
                Clock.systemUTC());
        RuntimeQueries runtime = () -> new RuntimeQueries.RuntimeSnapshot("test", false,
                new RuntimeQueries.Defaults(2, "memory", "memory", "default", 20),
                new RuntimeQueries.Limits(1 << 20, 100, 100, 1_000_000),
                new RuntimeQueries.Listener("127.0.0.1", 5514, 0, "default", "syslog"), Map.of());
        MemoryService memory = new MemoryService(CATALOG, ingest);
        io.brainstem.application.service.LogicMonitorService logicMonitor =
                new io.brainstem.application.service.LogicMonitorService(CATALOG, ingest,
                        io.brainstem.application.port.out.LogicMonitorPortal.unconfigured("not configured"),
                        Clock.systemUTC());
        HttpApi.routing(builder, new HttpApi.Dependencies(ingest, new ReplayService(CATALOG, ingest),
                new InspectionService(CATALOG), runtime, ApiLimits.DEFAULTS, TENANT, Optional.empty(), memory, memory,
                memory, logicMonitor, logicMonitor));
    }

    /** Two events of two signatures, then the second merged into the first; returns {survivor, absorbed} ids. */
    private String[] mergedPair(String db) {
        assertOk(post(client, "/ingest/batch", """
                {"events": [
                {"tenant_id": "acme", "source_type": "file", "host": "h1", "message_raw": "disk sda is full"},
                {"tenant_id": "acme", "source_type": "file", "host": "h2", "message_raw": "fan tray removed"}
                ]}""", "db_path", db));
        Storage storage = CATALOG.open(DatabaseRef.of(db));
        List<Signature> both = storage.unitOfWork().read(() -> storage.signatures().findByTenant(TENANT, 10));
        Signature survivor = both.get(0);
        Signature absorbed = both.get(1);
        storage.unitOfWork().write(() -> {
            survivor.absorb(absorbed);
            storage.signatures().recordMerge(TENANT, absorbed.id(), survivor.id());
            storage.signatures().saveAll(List.of(survivor));
            return null;
        });
        return new String[] {survivor.id().value(), absorbed.id().value()};
    }

    @Test
    void anAbsorbedIdAnswersWithTheSurvivorAndSaysSo() {
        String[] ids = mergedPair("by-old-id");
        JsonNode old = assertOk(get(client, "/signatures/" + ids[1], "db_path", "by-old-id"));
        assertEquals(ids[0], old.at("/item/signature_id").asText());
        assertEquals(2, old.at("/item/occurrence_count").asLong());
        assertEquals(ids[1], old.get("resolved_from").asText());
        assertEquals(List.of(ids[1]), List.of(old.at("/item/merged_from/0").asText()));
        assertEquals(1, old.at("/item/merged_from").size());

        JsonNode own = assertOk(get(client, "/signatures/" + ids[0], "db_path", "by-old-id"));
        assertTrue(own.get("resolved_from").isNull(), own.toString());
        assertEquals(ids[0], own.at("/item/signature_id").asText());

        JsonNode listed = assertOk(get(client, "/signatures", "db_path", "by-old-id"));
        assertEquals(1, listed.get("count").asInt());
    }

    @Test
    void theEventsFilterMatchesTheSurvivorAndItsAbsorbedIds() {
        String[] ids = mergedPair("events");
        for (String id : ids) {
            JsonNode events = assertOk(get(client, "/canonical_events", "signature_id", id, "db_path", "events"));
            assertEquals(2, events.get("count").asInt(), id + ": " + events);
        }
    }

    @Test
    void anUnknownSignatureIsNotFound() {
        mergedPair("unknown");
        assertError(get(client, "/signatures/sig_nope", "db_path", "unknown"), Status.NOT_FOUND_404, "not_found");
        assertError(get(client, "/signatures/" + "x".repeat(80), "db_path", "unknown"), Status.NOT_FOUND_404,
                "not_found");
    }
}
