package io.brainstem.bootstrap;

import io.brainstem.adapters.http.HttpApi;
import io.brainstem.adapters.persistence.sqlite.SqliteStorageCatalog;
import io.brainstem.application.service.IngestService;
import io.brainstem.application.service.InspectionService;
import io.brainstem.application.service.MemoryService;
import io.brainstem.application.service.ReplayService;
import io.brainstem.domain.event.Canonicalizer;
import io.helidon.webserver.WebServer;
import java.time.Clock;
import java.time.Duration;

/**
 * The wiring: the only place that creates adapters and services and connects them. Each CLI command
 * builds what it needs from here.
 */
public final class Brainstem implements AutoCloseable {

    /** Microsecond clock: what storage keeps, so a stored time equals the one the domain saw. */
    static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private final BrainstemSettings settings;
    private final SqliteStorageCatalog catalog;
    private final IngestService ingest;
    private final ReplayService replay;
    private final InspectionService inspection;
    private final MemoryService memory;
    private final ProcessRuntime runtime;

    public Brainstem(BrainstemSettings settings) {
        this(settings, CLOCK);
    }

    /** With the caller's clock: what a test that replays a week of scenario time uses. */
    public Brainstem(BrainstemSettings settings, Clock clock) {
        this.settings = settings;
        this.catalog = new SqliteStorageCatalog(settings.dataDir(), settings.dbPath());
        this.ingest = new IngestService(catalog, new Canonicalizer(), settings.minerSettings(), clock);
        this.replay = new ReplayService(catalog, ingest);
        this.inspection = new InspectionService(catalog);
        this.memory = new MemoryService(catalog, ingest);
        this.runtime = new ProcessRuntime(settings);
    }

    public BrainstemSettings settings() {
        return settings;
    }

    public IngestService ingest() {
        return ingest;
    }

    public ReplayService replay() {
        return replay;
    }

    public InspectionService inspection() {
        return inspection;
    }

    public MemoryService memory() {
        return memory;
    }

    public SqliteStorageCatalog catalog() {
        return catalog;
    }

    ProcessRuntime runtime() {
        return runtime;
    }

    public HttpApi.Dependencies httpDependencies() {
        return new HttpApi.Dependencies(ingest, replay, inspection, runtime, settings.limits(),
                settings.defaultTenant(), settings.apiToken(), memory, memory, memory);
    }

    /** Starts the HTTP API; the caller stops it. */
    public WebServer startHttp() {
        HttpApi.Dependencies deps = httpDependencies();
        return WebServer.builder()
                .host(settings.httpHost())
                .port(settings.httpPort())
                .maxPayloadSize(settings.limits().maxBodyBytes() * 2)
                // small JSON answers: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms to some of them
                .connectionOptions(options -> options.tcpNoDelay(true))
                .routing(routing -> HttpApi.routing(routing, deps))
                .build()
                .start();
    }

    @Override
    public void close() {
        catalog.close();
    }
}
