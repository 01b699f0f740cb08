package io.brainstem.bootstrap;

import io.brainstem.adapters.http.HttpApi;
import io.brainstem.adapters.http.HttpMetrics;
import io.brainstem.adapters.metrics.BrainstemMetrics;
import io.brainstem.adapters.persistence.postgres.PostgresAddress;
import io.brainstem.adapters.persistence.postgres.PostgresStorageCatalog;
import io.brainstem.adapters.logicmonitor.HttpLogicMonitorPortal;
import io.brainstem.application.port.out.LogicMonitorPortal;
import io.brainstem.adapters.persistence.sqlite.SqliteStorageCatalog;
import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.RuntimeQueries.Store;
import io.brainstem.application.port.out.CommitTelemetry;
import io.brainstem.application.port.out.IngestTelemetry;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.service.IngestService;
import io.brainstem.application.service.InspectionService;
import io.brainstem.application.service.LogicMonitorService;
import io.brainstem.application.service.MemoryService;
import io.brainstem.application.service.ReplayService;
import io.brainstem.application.service.RetentionService;
import io.brainstem.domain.event.Canonicalizer;
import io.helidon.webserver.WebServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The wiring: the only place that creates adapters and services and connects them. Each CLI command
 * builds what it needs from here.
 */
public final class Brainstem implements AutoCloseable {

    /** Microsecond clock: what storage keeps, so a stored time equals the one the domain saw. */
    static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private final BrainstemSettings settings;
    private final StorageCatalog catalog;
    private final IngestService ingest;
    private final ReplayService replay;
    private final InspectionService inspection;
    private final MemoryService memory;
    private final Optional<RetentionService> retention;
    private final LogicMonitorService logicMonitor;
    private final ProcessRuntime runtime;
    private final Clock clock;
    /** The process's meters; empty for one-shot commands and with {@code BRAINSTEM_METRICS=off}. */
    private final Optional<BrainstemMetrics> metrics;
    /** Whether the store takes writes: /healthz is degraded after failed commits in a row. */
    private final io.brainstem.application.service.CommitHealth commitHealth;
    private RetentionSchedule retentionSchedule;
    private LogicMonitorSchedule logicMonitorSchedule;
    private final java.util.List<io.brainstem.adapters.http.HttpConnections> httpGuards = new java.util.ArrayList<>();

    /** Without metrics: one-shot commands (and tests that do not look at them). */
    public Brainstem(BrainstemSettings settings) {
        this(settings, CLOCK);
    }

    /** With the caller's clock: tests that age what was received or replay a week of scenario time. */
    public Brainstem(BrainstemSettings settings, Clock clock) {
        this(settings, clock, false);
    }

    /** {@code serve}: with the process's meters and {@code GET /metrics}, unless {@code BRAINSTEM_METRICS=off}. */
    public static Brainstem serving(BrainstemSettings settings) {
        return new Brainstem(settings, CLOCK, settings.metricsEnabled());
    }

    private Brainstem(BrainstemSettings settings, Clock clock, boolean withMetrics) {
        this.settings = settings;
        this.metrics = withMetrics ? Optional.of(new BrainstemMetrics(BrainstemVersion.current())) : Optional.empty();
        this.commitHealth = new io.brainstem.application.service.CommitHealth(
                metrics.map(BrainstemMetrics::commitTelemetry).orElse(CommitTelemetry.NONE));
        this.catalog = catalog(settings, commitHealth);
        this.ingest = new IngestService(catalog, new Canonicalizer(), settings.minerSettings(), settings.messageCap(),
                clock, metrics.map(BrainstemMetrics::ingestTelemetry).orElse(IngestTelemetry.NONE));
        this.replay = new ReplayService(catalog, ingest);
        this.inspection = new InspectionService(catalog);
        this.memory = new MemoryService(catalog, ingest);
        this.retention = settings.retentionEnabled()
                ? Optional.of(new RetentionService(catalog, Duration.ofDays(settings.retentionDays()), clock))
                : Optional.empty();
        // the portal signs with the wall clock (LogicMonitor refuses signatures too far from its own time)
        LogicMonitorPortal portal = settings.logicMonitor().portal()
                .<LogicMonitorPortal>map(p -> new HttpLogicMonitorPortal(p, Clock.systemUTC()))
                .orElseGet(() -> LogicMonitorPortal.unconfigured(LogicMonitorSetup.NOT_CONFIGURED));
        this.logicMonitor = new LogicMonitorService(catalog, ingest, portal, clock);
        this.clock = clock;
        this.runtime = new ProcessRuntime(settings, retention, Optional.of(logicMonitor),
                new Store(settings.usesPostgres() ? "postgresql" : "sqlite", catalog.describe(DatabaseRef.DEFAULT)),
                commitHealth::failedInARow);
        runtime.registerIntake("ingest", () -> java.util.Map.of("messages_truncated", ingest.messagesTruncated()));
        metrics.ifPresent(m -> retention.ifPresent(r -> m.registerRetention(r::status)));
        metrics.ifPresent(m -> m.registerLogicMonitor(logicMonitor::status));
    }

    /** PostgreSQL when {@code BRAINSTEM_DATABASE_URL} is set (ADR 27), else the embedded SQLite files. */
    private static StorageCatalog catalog(BrainstemSettings settings, CommitTelemetry commits) {
        if (!settings.usesPostgres()) {
            return new SqliteStorageCatalog(settings.dataDir(), settings.dbPath(), commits);
        }
        try {
            return new PostgresStorageCatalog(PostgresAddress.parse(settings.databaseUrl().orElseThrow(),
                    settings.databasePassword()), commits);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
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

    /** Retention, when {@code BRAINSTEM_RETENTION_DAYS} is not {@code off}. */
    public Optional<RetentionService> retention() {
        return retention;
    }

    /** Starts deleting expired envelopes and events in the background (long-running commands); idempotent. */
    public synchronized void startRetention() {
        if (retentionSchedule == null && retention.isPresent()) {
            retentionSchedule = RetentionSchedule.start(retention.get());
        }
    }


    /** The LogicMonitor connector: pushed alerts and portal syncs. */
    public LogicMonitorService logicMonitor() {
        return logicMonitor;
    }

    /**
     * Starts the scheduled LogicMonitor sync when {@code BRAINSTEM_LM_SYNC_INTERVAL} is set (long-running commands);
     * idempotent.
     */
    public synchronized void startLogicMonitorSync() {
        startLogicMonitorSync(LogicMonitorSchedule.FIRST_RUN);
    }

    synchronized void startLogicMonitorSync(Duration first) {
        if (logicMonitorSchedule == null && settings.logicMonitor().syncInterval().isPresent()) {
            logicMonitorSchedule = LogicMonitorSchedule.start(logicMonitor, settings.logicMonitor().syncTenant(),
                    settings.logicMonitor().syncInterval().get(), first, clock);
        }
    }

    public StorageCatalog catalog() {
        return catalog;
    }

    ProcessRuntime runtime() {
        return runtime;
    }

    /**
     * The process's meters, when it has them ({@link #serving}): where bootstrap binds one more set, e.g. a
     * connector's ({@link BrainstemMetrics#bind}).
     */
    public Optional<BrainstemMetrics> metrics() {
        return metrics;
    }

    /** An intake channel's live counters: shown on {@code /runtime} and, with metrics, exported as meters. */
    void registerIntake(String channel, Supplier<Map<String, Long>> counters) {
        runtime.registerIntake(channel, counters);
        metrics.ifPresent(m -> m.registerSyslogChannel(SyslogWiring.transport(channel), counters));
    }

    public HttpApi.Dependencies httpDependencies() {
        return new HttpApi.Dependencies(ingest, replay, inspection, runtime, settings.limits(),
                settings.defaultTenant(), settings.apiToken(), memory, memory, memory, logicMonitor, logicMonitor,
                metrics.<HttpMetrics>map(MetricsOverHttp::new).orElse(HttpMetrics.OFF));
    }

    /**
     * Opens the default database now, so that an unusable data directory or a corrupt database stops the command
     * at start, with the path and the reason, instead of failing every request later.
     */
    public void checkStorage() {
        try {
            catalog.open(DatabaseRef.DEFAULT);
        } catch (RuntimeException e) {
            if (settings.usesPostgres()) {
                throw new StartupException("cannot open the database " + catalog.describe(DatabaseRef.DEFAULT)
                        + " (BRAINSTEM_DATABASE_URL): " + rootMessage(e), e);
            }
            throw new StartupException("cannot open the database " + settings.dbPath() + " (BRAINSTEM_DATA_DIR "
                    + settings.dataDir() + "): " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

    /** Starts the HTTP API; the caller stops it. A port that cannot be bound is a {@link StartupException}. */
    public WebServer startHttp() {
        probeHttpAddress(); // Helidon would log a stack trace before saying so
        WebServer server = buildHttp().start();
        if (!server.isRunning() || server.port() < 0) {
            server.stop();
            throw cannotListen(null);
        }
        return server;
    }

    private void probeHttpAddress() {
        if (settings.httpPort() == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(settings.httpHost(), settings.httpPort()));
        } catch (java.io.IOException e) {
            throw cannotListen(e);
        }
    }

    private StartupException cannotListen(java.io.IOException cause) {
        return new StartupException("cannot listen on http://" + settings.httpHost() + ":" + settings.httpPort()
                + " (BRAINSTEM_HTTP_HOST, BRAINSTEM_HTTP_PORT): " + (cause == null
                ? "the address is in use or not available here" : cause.getMessage()), cause);
    }

    private WebServer buildHttp() {
        HttpApi.Dependencies deps = httpDependencies();
        BrainstemSettings.Connections connections = settings.connections();
        Duration idle = connections.httpIdleTimeout();
        io.brainstem.adapters.http.HttpConnections guard = httpConnections(connections);
        return WebServer.builder()
                .host(settings.httpHost())
                .port(settings.httpPort())
                // a body declared longer than this is refused before the routing; up to it, a refused body is read
                // and dropped so that the client can read the answer (ADR 26)
                .maxPayloadSize(HttpApi.maxDrainBytes(settings.limits()))
                .maxTcpConnections(connections.httpMaxConnections())
                // a connection quiet before or within its request line is closed after this; the headers and a body
                // have deadlines of their own, kept by the connection guard (ADR 38)
                .idleConnectionTimeout(idle)
                .idleConnectionPeriod(idle.dividedBy(4).compareTo(Duration.ofSeconds(1)) < 0
                        ? Duration.ofSeconds(1) : idle.dividedBy(4))
                // small JSON answers: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms to some of them
                .connectionOptions(options -> options.tcpNoDelay(true))
                // errors answered before the routing (bad request line, URI or headers too long, HTTP/1.0) in JSON
                .directHandlers(io.brainstem.adapters.http.JsonDirectHandler.all())
                // every connection passes the guard: header and body deadlines, Connection: close, HTTP/1.0 health
                // checks; it builds the HTTP/1.1 connections itself (ADR 38)
                .protocolsDiscoverServices(false)
                .addConnectionSelector(guard.selector())
                .routing(routing -> runtime.registerIntake("http",
                        HttpApi.routing(routing, deps, java.util.Optional.of(guard))))
                .build();
    }

    private synchronized io.brainstem.adapters.http.HttpConnections httpConnections(
            BrainstemSettings.Connections connections) {
        io.brainstem.adapters.http.HttpConnections guard = new io.brainstem.adapters.http.HttpConnections(
                new io.brainstem.adapters.http.HttpConnections.Settings(connections.httpHeaderTimeout(),
                        connections.httpBodyTimeout()), runtime);
        httpGuards.add(guard);
        return guard;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (retentionSchedule != null) {
                retentionSchedule.close();
            }
            if (logicMonitorSchedule != null) {
                logicMonitorSchedule.close();
            }
            httpGuards.forEach(io.brainstem.adapters.http.HttpConnections::close);
            httpGuards.clear();
        }
        catalog.close();
        metrics.ifPresent(BrainstemMetrics::close);
    }
}
