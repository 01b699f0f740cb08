package io.brainstem.bootstrap;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/brainstem}: the command line of brainstem. */
@Command(name = "brainstem", mixinStandardHelpOptions = true, versionProvider = BrainstemCli.Version.class,
        description = "Operational memory for weak signals.",
        subcommands = {BrainstemCli.Serve.class, CommandLine.HelpCommand.class})
public final class BrainstemCli implements Callable<Integer> {

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        int code = new CommandLine(new BrainstemCli()).execute(args);
        if (code != 0 || !isServer(args)) {
            System.exit(code);
        }
    }

    private static boolean isServer(String[] args) {
        return args.length > 0 && (args[0].equals("serve") || args[0].equals("listen"));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    static BrainstemSettings settings() {
        return BrainstemSettings.load(Config.create(), System.getenv());
    }

    /** {@code brainstem serve}. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the HTTP API (and the syslog listener) with the embedded SQLite database.")
    static final class Serve implements Callable<Integer> {
        @Override
        public Integer call() throws InterruptedException {
            BrainstemSettings settings = settings();
            Brainstem brainstem = new Brainstem(settings);
            WebServer server = brainstem.startHttp();
            System.out.printf("brainstem %s listening on http://%s:%d (database %s)%n", BrainstemVersion.current(),
                    settings.httpHost(), server.port(), settings.dbPath());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop();
                brainstem.close();
                stopped.countDown();
            }, "brainstem-shutdown"));
            stopped.await();
            return 0;
        }
    }

    /** Reports the version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"brainstem " + BrainstemVersion.current()};
        }
    }
}
