package io.brainstem.bootstrap;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.application.port.in.MemoryQueries;
import io.brainstem.application.port.in.ReplayRawEnvelopesUseCase.ReplayResult;
import io.brainstem.bootstrap.cli.DigestText;
import io.brainstem.bootstrap.cli.FileIntake;
import io.brainstem.bootstrap.cli.Progress;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.mining.MiningPreview;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/brainstem}: the command line of brainstem. */
@Command(name = "brainstem", mixinStandardHelpOptions = true, versionProvider = BrainstemCli.Version.class,
        description = "Operational memory for weak signals. Settings come from BRAINSTEM_* environment "
                + "variables (see README).",
        subcommands = {BrainstemCli.Serve.class, BrainstemCli.Listen.class, BrainstemCli.IngestFile.class, BrainstemCli.Replay.class,
                BrainstemCli.Mine.class, BrainstemCli.DigestCommand.class, BrainstemCli.Migrate.class,
                BrainstemCli.Backup.class,
                CommandLine.HelpCommand.class})
public final class BrainstemCli implements Callable<Integer> {

    /** Exit code when one of brainstem's own long-lived threads died: a supervisor restarts the process. */
    static final int THREAD_DIED = 70;

    /** The command line with its error handling: a configuration brainstem cannot run with is one line and exit 2. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BrainstemCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof StartupException || e instanceof IllegalArgumentException
                    || e instanceof io.brainstem.application.port.in.InvalidRequestException
                    || e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException) {
                // a configuration brainstem cannot run with: one line that says what and where, no stack trace
                command.getErr().println("brainstem: " + (e instanceof java.nio.file.FileSystemException fs
                        ? "cannot read " + fs.getFile() + (e instanceof java.nio.file.NoSuchFileException
                                ? ": no such file" : ": permission denied") : e.getMessage()));
                return 2;
            }
            throw e;
        });
        return cli;
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        // a long-lived thread of brainstem (writer, committer, listener, scheduler) that dies takes the process with
        // it, so that it is restarted instead of running on half alive; the thread has logged why
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            System.err.println("brainstem: thread " + thread.getName() + " died: " + e);
            if (thread.getName().startsWith("brainstem-")) {
                System.exit(THREAD_DIED);
            }
        });
        CommandLine cli = commandLine();
        int code = cli.execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    static BrainstemSettings settings() {
        return BrainstemSettings.load(Config.create(), System.getenv());
    }

    /** The SQLite file of {@code --db-path} (else BRAINSTEM_DB_PATH) inside the data directory; a usage error if not. */
    static java.nio.file.Path sqliteFile(CommandLine.Model.CommandSpec spec, BrainstemSettings settings, String dbPath) {
        try {
            return new io.brainstem.adapters.persistence.sqlite.SqliteStorageCatalog(settings.dataDir(),
                    settings.dbPath()).resolve(DatabaseRef.of(dbPath));
        } catch (io.brainstem.application.port.in.InvalidRequestException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** An RFC 3339 time, or a duration back from now such as {@code 24h}, {@code 7d}, {@code 30m}. */
    static Instant parseSince(CommandLine command, String option, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            String t = text.strip().toLowerCase(java.util.Locale.ROOT);
            try {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                Duration d = switch (t.charAt(t.length() - 1)) {
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    case 'd' -> Duration.ofDays(n);
                    default -> throw new NumberFormatException();
                };
                return Instant.now().minus(d);
            } catch (RuntimeException bad) {
                throw new CommandLine.ParameterException(command, option + " must be an RFC 3339 "
                        + "time or a duration such as 24h, 7d, 30m; was '" + text + "'");
            }
        }
    }

    /** A start-up step; when brainstem cannot start, what it opened is closed before the failure is reported. */
    static <T> T startingOrClose(Brainstem brainstem, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (StartupException e) {
            brainstem.close();
            throw e;
        }
    }

    /** Blocks until the JVM is asked to stop, then runs {@code onStop}. */
    static void awaitShutdown(Runnable onStop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            onStop.run();
            stopped.countDown();
        }, "brainstem-shutdown"));
        stopped.await();
    }

    /** {@code brainstem serve}. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the HTTP API and the syslog listener(s) on the embedded SQLite database.")
    static final class Serve implements Callable<Integer> {
        @Override
        public Integer call() throws InterruptedException {
            BrainstemSettings settings = settings();
            Brainstem brainstem = Brainstem.serving(settings);
            WebServer server = startingOrClose(brainstem, () -> {
                brainstem.checkStorage();
                return brainstem.startHttp();
            });
            SyslogWiring.Running syslog = SyslogWiring.start(settings, brainstem.ingest(), brainstem::registerIntake);
            brainstem.startRetention();
            brainstem.startLogicMonitorSync();
            System.out.printf("brainstem %s listening on http://%s:%d, %s (database %s)%n",
                    BrainstemVersion.current(), settings.httpHost(), server.port(), syslog.describe(),
                    brainstem.catalog().describe(io.brainstem.application.port.in.DatabaseRef.DEFAULT));
            awaitShutdown(() -> {
                syslog.close(); // stop receiving and commit what is queued, before anything else stops
                server.stop();
                brainstem.close();
            });
            return 0;
        }
    }

    /** {@code brainstem listen}. */
    @Command(name = "listen", mixinStandardHelpOptions = true,
            description = "Run only the syslog listener(s) (UDP on BRAINSTEM_SYSLOG_PORT, TCP on "
                    + "BRAINSTEM_SYSLOG_TCP_PORT), storing into the database; no HTTP API.")
    static final class Listen implements Callable<Integer> {
        @Option(names = "--emit-stdout", description = "Also print every stored envelope as one JSON line "
                + "on standard output, once committed.")
        boolean emitStdout;

        @Override
        public Integer call() throws InterruptedException {
            BrainstemSettings settings = settings();
            if (settings.syslogUdpPort() == BrainstemSettings.OFF && settings.syslogTcpPort() == BrainstemSettings.OFF) {
                System.err.println("brainstem: both BRAINSTEM_SYSLOG_PORT and BRAINSTEM_SYSLOG_TCP_PORT are off; "
                        + "nothing to listen on");
                return 2;
            }
            Brainstem brainstem = new Brainstem(settings);
            startingOrClose(brainstem, () -> {
                brainstem.checkStorage();
                return null;
            });
            SyslogWiring.Running syslog = SyslogWiring.start(settings, brainstem.ingest(),
                    brainstem::registerIntake, emitStdout);
            brainstem.startRetention();
            System.err.printf("brainstem %s: %s (database %s)%n", BrainstemVersion.current(), syslog.describe(),
                    brainstem.catalog().describe(io.brainstem.application.port.in.DatabaseRef.DEFAULT));
            awaitShutdown(() -> {
                syslog.close();
                brainstem.close();
            });
            return 0;
        }
    }

    /** {@code brainstem ingest-file}. */
    @Command(name = "ingest-file", mixinStandardHelpOptions = true,
            description = "Ingest a log file, one envelope per line (source_type file). Remembers how far it "
                    + "got per path and inode: running again never repeats or skips a line.")
    static final class IngestFile implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PATH", description = "The log file.")
        Path path;

        @Option(names = "--tenant", paramLabel = "T", description = "Tenant of the events (default: "
                + "BRAINSTEM_DEFAULT_TENANT, else 'default').")
        String tenant;

        @Option(names = "--follow", description = "Keep reading as the file grows; survives rotation. "
                + "Stop with Ctrl-C.")
        boolean follow;

        @Option(names = "--source-id", paramLabel = "ID", description = "source_id of the envelopes "
                + "(default: the file name).")
        String sourceId;

        @Option(names = "--db-path", paramLabel = "NAME", description = "Database inside the data directory "
                + "(default: the default database).")
        String dbPath;

        @Option(names = "--batch-size", defaultValue = "1000", description = "Lines per transaction "
                + "(default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--threshold", defaultValue = "2", description = "Recurrence threshold "
                + "(default: ${DEFAULT-VALUE}).")
        int threshold;

        @Option(names = "--poll-ms", defaultValue = "250", description = "Follow: how often to look for new "
                + "lines, in ms (default: ${DEFAULT-VALUE}).")
        long pollMillis;

        @Override
        public Integer call() throws Exception {
            if (batchSize < 1 || batchSize > 10_000) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--batch-size must be 1..10000");
            }
            if (!follow && !Files.isRegularFile(path)) {
                System.err.println("brainstem: no such file: " + path);
                return 2;
            }
            BrainstemSettings settings = settings();
            try (Brainstem brainstem = new Brainstem(settings)) {
                TenantId t = tenant == null ? settings.defaultTenant() : TenantId.of(tenant);
                FileIntake.Options options = new FileIntake.Options(path, t,
                        sourceId != null ? sourceId : path.getFileName().toString(), DatabaseRef.of(dbPath),
                        batchSize, threshold, follow, pollMillis, settings.messageCap().maxBytes());
                AtomicBoolean stop = new AtomicBoolean();
                CountDownLatch finished = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stop.set(true); // Ctrl-C: finish the batch in hand, commit it, then exit
                    try {
                        finished.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "ingest-file-stop"));
                FileIntake.Summary summary;
                try {
                    summary = new FileIntake(brainstem.ingest(), (db, key) -> brainstem.ingest().cursorPosition(db,
                            key), options, Progress.onTerminal()).run(stop::get);
                } finally {
                    finished.countDown();
                }
                System.out.printf("ingested %d lines from %s in %d batches (%d parse_failed)%n", summary.lines(),
                        path, summary.batches(), summary.parseFailed());
                return 0;
            }
        }
    }

    /** {@code brainstem replay}. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Re-run stored raw envelopes through today's parser, miner and detector "
                    + "(the same use case as POST /replay/raw).")
    static final class Replay implements Callable<Integer> {
        @Option(names = "--status", paramLabel = "STATUS", split = ",",
                description = "Statuses to replay: received, canonicalized, parse_failed, unsupported "
                        + "(repeatable or comma-separated; default: parse_failed).")
        List<String> statuses = new ArrayList<>(List.of("parse_failed"));

        @Option(names = "--since", paramLabel = "T", description = "Only envelopes received at or after T: "
                + "an RFC 3339 time (2026-03-22T00:00:00Z) or a duration back from now (24h, 7d, 30m).")
        String since;

        @Option(names = "--db-path", paramLabel = "NAME", description = "Database inside the data directory.")
        String dbPath;

        @Option(names = "--threshold", defaultValue = "2", description = "Recurrence threshold "
                + "(default: ${DEFAULT-VALUE}).")
        int threshold;

        @Override
        public Integer call() {
            Set<EnvelopeStatus> wanted = EnumSet.noneOf(EnvelopeStatus.class);
            for (String s : statuses) {
                wanted.add(EnvelopeStatus.fromWireName(s.strip()).orElseThrow(() ->
                        new CommandLine.ParameterException(new CommandLine(this), "unknown status '" + s
                                + "': use received, canonicalized, parse_failed or unsupported")));
            }
            Instant from = since == null ? null : parseSince(new CommandLine(this), "--since", since);
            try (Brainstem brainstem = new Brainstem(settings())) {
                Progress progress = Progress.onTerminal();
                ReplayResult r = brainstem.replay().replayMatching(DatabaseRef.of(dbPath), wanted, from, threshold,
                        done -> progress.update(done, "envelopes", -1, false));
                progress.finish(r.eventCount(), "envelopes");
                System.out.printf("replayed %d envelopes of %s: %d still parse_failed, %d unsupported, "
                        + "%d signatures and %d candidates touched%n", r.eventCount(), r.database(),
                        r.parseFailed(), r.unsupported(), r.signatureCount(), r.candidateCount());
                return 0;
            }
        }

    }

    /** {@code brainstem digest}. */
    @Command(name = "digest", mixinStandardHelpOptions = true,
            description = "Print the daily digest for a person to read: what is new or changed since --since, "
                    + "incident-memory matches first, suppressed items left out (the same as POST /digest/daily).")
    static final class DigestCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--tenant", paramLabel = "T", description = "Only this tenant (default: all tenants).")
        String tenant;

        @Option(names = "--since", paramLabel = "S", description = "An RFC 3339 time or a duration back from now "
                + "(24h, 7d, 30m); default: 24h.")
        String since;

        @Option(names = "--limit", defaultValue = "20", description = "At most this many items "
                + "(default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--db-path", paramLabel = "NAME", description = "Database inside the data directory.")
        String dbPath;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 1000) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 1..1000");
            }
            Optional<Instant> from = since == null ? Optional.empty()
                    : Optional.of(parseSince(spec.commandLine(), "--since", since));
            try (Brainstem brainstem = new Brainstem(settings())) {
                MemoryQueries.Digest digest = brainstem.memory().digest(DatabaseRef.of(dbPath),
                        Optional.ofNullable(tenant).filter(t -> !t.isBlank()), from, limit);
                System.out.print(DigestText.render(digest, Instant.now()));
                return 0;
            }
        }
    }

    /** {@code brainstem migrate}. */
    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Copy the SQLite store (envelopes, events, signatures, candidates, incidents, reviews, "
                    + "cursors) into PostgreSQL, resumably, and check every table's count at the end (ADR 27).")
    static final class Migrate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--to", required = true, paramLabel = "URL", description = "The PostgreSQL database: "
                + "postgresql://user@host:5432/db or jdbc:postgresql://… (password also from "
                + "BRAINSTEM_DATABASE_PASSWORD).")
        String to;

        @Option(names = "--db-path", paramLabel = "NAME", description = "The SQLite database inside the data "
                + "directory (default: BRAINSTEM_DB_PATH).")
        String dbPath;

        @Option(names = "--chunk", defaultValue = "10000", description = "Events per transaction "
                + "(default: ${DEFAULT-VALUE}).")
        int chunk;

        @Override
        public Integer call() {
            if (chunk < 1 || chunk > 100_000) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--chunk must be 1..100000");
            }
            BrainstemSettings settings = settings();
            java.nio.file.Path file = sqliteFile(spec, settings, dbPath);
            io.brainstem.adapters.persistence.postgres.PostgresAddress address;
            try {
                address = io.brainstem.adapters.persistence.postgres.PostgresAddress.parse(to,
                        settings.databasePassword());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        e.getMessage().replace("BRAINSTEM_DATABASE_URL", "--to"));
            }
            try (var source = new io.brainstem.adapters.persistence.sqlite.SqliteTableSource(file);
                    var target = new io.brainstem.adapters.persistence.postgres.PostgresTableTarget(address)) {
                System.err.printf("brainstem migrate: %s -> %s%n", file, address.describe());
                var result = new io.brainstem.bootstrap.cli.StoreMigration(source, target, chunk)
                        .run(io.brainstem.bootstrap.cli.Progress.onTerminal(), System.err);
                result.counts().forEach(c -> System.out.println(c));
                if (!result.verified()) {
                    result.mismatches().forEach(m -> System.err.println("brainstem migrate: count differs: " + m));
                    return 1;
                }
                System.out.printf("copied %d events%s; every table's count matches%n", result.eventsCopied(),
                        result.resumedAfter() > 0 ? " after event " + result.resumedAfter() : "");
                return 0;
            } catch (io.brainstem.application.port.out.StorageException e) {
                throw new StartupException(e.getMessage(), e);
            }
        }
    }

    /** {@code brainstem backup}. */
    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write a consistent, checked copy of the SQLite store to DEST while brainstem keeps "
                    + "serving (VACUUM INTO a DEST.partial, PRAGMA integrity_check, then renamed to DEST). DEST "
                    + "must not exist. On PostgreSQL, use pg_dump.")
    static final class Backup implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(paramLabel = "DEST", description = "The file to write, e.g. "
                + "/backup/brainstem-2026-12-03.sqlite3.")
        java.nio.file.Path dest;

        @Option(names = "--db-path", paramLabel = "NAME", description = "The SQLite database inside the data "
                + "directory (default: BRAINSTEM_DB_PATH).")
        String dbPath;

        @Override
        public Integer call() {
            BrainstemSettings settings = settings();
            if (settings.usesPostgres()) {
                throw new StartupException("brainstem backup copies the embedded SQLite store; this brainstem uses "
                        + "PostgreSQL (BRAINSTEM_DATABASE_URL): back it up with pg_dump", null);
            }
            java.nio.file.Path file = sqliteFile(spec, settings, dbPath);
            try {
                var r = io.brainstem.adapters.persistence.sqlite.SqliteBackup.backup(file, dest);
                System.out.printf("backed up %s to %s: %,d bytes in %.1f s; integrity_check ok; %,d envelopes, "
                        + "%,d signatures, %,d candidates, %,d incidents, %,d reviews%n", file, r.destination(),
                        r.bytes(), r.took().toMillis() / 1000.0, r.envelopes(), r.signatures(), r.candidates(),
                        r.incidents(), r.reviews());
                return 0;
            } catch (io.brainstem.application.port.out.StorageException e) {
                throw new StartupException(e.getMessage(), e);
            }
        }
    }

    /** {@code brainstem mine}. */
    @Command(name = "mine", mixinStandardHelpOptions = true,
            description = "Preview how lines group into signatures with the default engine: prints one "
                    + "'signature_id<TAB>template' line per input line, in input order, with the final "
                    + "assignment. Each line is read as the server reads a syslog line (header, then the "
                    + "message that is mined); a line the server would not parse is mined as it is. "
                    + "Touches no database.")
    static final class Mine implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "A log file, or - for standard input.")
        String file;

        @Option(names = "--tenant", paramLabel = "T", defaultValue = "default",
                description = "Tenant the ids are derived for (default: ${DEFAULT-VALUE}).")
        String tenant;

        @Option(names = "--raw", description = "Mine each line as it is, without reading a syslog header.")
        boolean raw;

        @Override
        public Integer call() throws Exception {
            BufferedReader in = file.equals("-")
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
            try (in; PrintWriter out = new PrintWriter(new BufferedWriter(
                    new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16))) {
                mine(TenantId.of(tenant), raw, Instant.now(), () -> in.lines().iterator(), out::println);
            }
            return 0;
        }
    }

    /** What {@code brainstem mine} prints for {@code lines} received at {@code receivedAt}. */
    static void mine(TenantId tenant, boolean raw, Instant receivedAt, Iterable<String> lines,
            Consumer<String> output) {
        if (raw) {
            MiningPreview.preview(tenant, lines, output);
        } else {
            Canonicalizer canonicalizer = new Canonicalizer();
            MiningPreview.preview(tenant, lines, line -> canonicalizer.messageToMine(tenant, line, receivedAt),
                    output);
        }
    }

    /** Reports the version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"brainstem " + BrainstemVersion.current(), "ingest threshold default "
                    + IngestEventsUseCase.DEFAULT_THRESHOLD};
        }
    }
}
