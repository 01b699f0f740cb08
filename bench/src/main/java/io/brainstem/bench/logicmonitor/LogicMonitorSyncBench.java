package io.brainstem.bench.logicmonitor;

import io.brainstem.adapters.logicmonitor.FakeLogicMonitorPortal;
import io.brainstem.adapters.logicmonitor.HttpLogicMonitorPortal;
import io.brainstem.adapters.logicmonitor.LogicMonitorPortalSettings;
import io.brainstem.adapters.persistence.sqlite.SqliteStorageCatalog;
import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase.SyncCommand;
import io.brainstem.application.port.in.SyncLogicMonitorAlertsUseCase.SyncResult;
import io.brainstem.application.service.IngestService;
import io.brainstem.application.service.LogicMonitorService;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.MinerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Wall time and requests of a LogicMonitor sync: N alerts in the fake portal (real HTTP on 127.0.0.1, LMv1 checked
 * on every request), synced by the real portal client and LogicMonitorService into a fresh SQLite file. Three
 * syncs: the first takes all N (every 5th already cleared), the second after 10 % of the active ones cleared, the
 * third with nothing new. With {@code 429} as second argument the portal answers 429 once (waits 1 s).
 *
 * <pre>bench/logicmonitor.sh [alerts=10000] [429]</pre>
 */
public final class LogicMonitorSyncBench {

    private LogicMonitorSyncBench() {
    }

    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        boolean rateLimit = args.length > 1 && args[1].equals("429");
        long start = Instant.now().getEpochSecond() - 3 * 3_600;
        Path dir = Files.createTempDirectory("brainstem-lm-bench");
        try (FakeLogicMonitorPortal portal = new FakeLogicMonitorPortal();
                SqliteStorageCatalog catalog = new SqliteStorageCatalog(dir, dir.resolve("bench.sqlite3"))) {
            for (int i = 0; i < alerts; i++) {
                portal.raise("DS" + i, start + i / 4, 2 + i % 3, "edge-fw-" + (i % 200), "IPSec Tunnel",
                        "site-" + (i % 50));
                if (i % 5 == 0) {
                    portal.clear("DS" + i, start + i / 4 + 30 + i % 90);
                }
            }
            Clock clock = Clock.systemUTC();
            IngestService ingest = new IngestService(catalog, new Canonicalizer(), MinerSettings.DEFAULTS, clock);
            LogicMonitorService service = new LogicMonitorService(catalog, ingest, new HttpLogicMonitorPortal(
                    LogicMonitorPortalSettings.forBaseUrl(portal.baseUrl(), "bench", FakeLogicMonitorPortal.ACCESS_ID,
                            FakeLogicMonitorPortal.ACCESS_KEY), clock), clock);
            SyncCommand command = new SyncCommand(DatabaseRef.DEFAULT, TenantId.of("bench"),
                    Optional.of(Instant.ofEpochSecond(start - 60)), IngestEventsUseCase.DEFAULT_THRESHOLD);
            System.out.printf("%d alerts in the fake portal (every 5th cleared)%s%n", alerts,
                    rateLimit ? ", one 429 on the first sync" : "");
            if (rateLimit) {
                portal.rateLimitNext(1);
            }
            run("first sync", service, command, portal);
            int cleared = 0;
            for (int i = 1; i < alerts && cleared < alerts * 8 / 100; i += 10) {
                if (i % 5 != 0) {
                    portal.clear("DS" + i, start + i / 4 + 600);
                    cleared++;
                }
            }
            System.out.printf("%d active alerts cleared at the portal%n", cleared);
            run("second sync", service, command, portal);
            run("third sync (nothing new)", service, command, portal);
            if (!portal.problems().isEmpty()) {
                throw new IllegalStateException("the portal saw bad requests: " + portal.problems());
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String what, LogicMonitorService service, SyncCommand command,
            FakeLogicMonitorPortal portal) {
        int before = portal.requests().size();
        long t0 = System.nanoTime();
        SyncResult r = service.sync(command);
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("%-26s %8.0f ms  requests %2d (portal saw %2d)  fetched %6d  ingested %6d (raised %d,"
                        + " cleared %d)  unchanged %6d  signatures+ %d  candidates+ %d  %.0f alerts/s%n", what, ms,
                r.requests(), portal.requests().size() - before, r.fetched(), r.ingested(), r.raised(), r.cleared(),
                r.unchanged(), r.signaturesCreated(), r.candidatesCreated(), r.fetched() / (ms / 1000));
    }
}
