package io.brainstem.bootstrap;

import io.brainstem.adapters.http.ApiLimits;
import io.brainstem.domain.envelope.MessageCap;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.MinerSettings;
import io.helidon.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything brainstem is configured with. Each value comes from its environment variable when set,
 * else from {@code application.yaml} (key in brackets), else the default:
 *
 * <pre>
 * BRAINSTEM_HTTP_HOST        [brainstem.http.host]        127.0.0.1
 * BRAINSTEM_HTTP_PORT        [brainstem.http.port]        8080
 * BRAINSTEM_SYSLOG_PORT      [brainstem.syslog.port]      5514   ("off" disables the UDP listener)
 * BRAINSTEM_SYSLOG_TCP_PORT  [brainstem.syslog.tcp-port]  off
 * BRAINSTEM_SYSLOG_HOST      [brainstem.syslog.host]      the HTTP host
 * BRAINSTEM_DATA_DIR         [brainstem.data-dir]         .brainstem-state
 * BRAINSTEM_DB_PATH          [brainstem.db-path]          DATA_DIR/brainstem.sqlite3
 * BRAINSTEM_API_TOKEN        [brainstem.api-token]        unset (API open)
 * BRAINSTEM_DEFAULT_TENANT   [brainstem.default-tenant]   default
 * BRAINSTEM_MAX_SIGNATURES   [brainstem.max-signatures]   50000 per tenant
 * BRAINSTEM_RETENTION_DAYS   [brainstem.retention-days]   30     ("off" keeps raw envelopes and events forever)
 * BRAINSTEM_DATABASE_URL     [brainstem.database-url]     unset  (PostgreSQL: postgresql://user:pass@host:5432/db)
 * BRAINSTEM_DATABASE_PASSWORD                             unset  (the password, kept out of the URL)
 * BRAINSTEM_LM_COMPANY       [brainstem.logicmonitor.company]        unset (the portal: https://NAME.logicmonitor.com)
 * BRAINSTEM_LM_BASE_URL      [brainstem.logicmonitor.base-url]       https://COMPANY.logicmonitor.com/santaba/rest
 * BRAINSTEM_LM_ACCESS_ID     [brainstem.logicmonitor.access-id]      unset
 * BRAINSTEM_LM_ACCESS_KEY    [brainstem.logicmonitor.access-key]     unset (secret: never logged or shown)
 * BRAINSTEM_LM_SYNC_INTERVAL [brainstem.logicmonitor.sync-interval]  off    (e.g. 5m: a background sync)
 * BRAINSTEM_LM_SYNC_TENANT   [brainstem.logicmonitor.sync-tenant]    the default tenant
 * BRAINSTEM_MAX_MESSAGE_BYTES [brainstem.limits.max-message-bytes] 65536 (longer messages are kept cut, ADR 26)
 * BRAINSTEM_METRICS          [brainstem.metrics]          on     ("off": no meters, GET /metrics is a 404)
 * </pre>
 * and the limits and timeouts of {@link Connections}.
 */
public record BrainstemSettings(String httpHost, int httpPort, String syslogHost, int syslogUdpPort,
        int syslogTcpPort, Path dataDir, Path dbPath, Optional<String> apiToken, TenantId defaultTenant,
        MinerSettings minerSettings, ApiLimits limits, int retentionDays, Optional<String> databaseUrl,
        Optional<String> databasePassword, LogicMonitorSetup logicMonitor, MessageCap messageCap,
        Connections connections, boolean metricsEnabled) {

    /**
     * How long a connection may stay quiet and how many may be open (ADR 26); a timeout of zero means none.
     *
     * <pre>
     * BRAINSTEM_HTTP_IDLE_TIMEOUT_SECONDS        [brainstem.http.idle-timeout-seconds]        60
     * BRAINSTEM_HTTP_MAX_CONNECTIONS             [brainstem.http.max-connections]             1000
     * BRAINSTEM_HTTP_HEADER_TIMEOUT_SECONDS      [brainstem.http.header-timeout-seconds]      20   (ADR 38)
     * BRAINSTEM_HTTP_BODY_TIMEOUT_SECONDS        [brainstem.http.body-timeout-seconds]        30   (ADR 38)
     * BRAINSTEM_SYSLOG_TCP_IDLE_TIMEOUT_SECONDS  [brainstem.syslog.tcp-idle-timeout-seconds]  900  ("off": never)
     * BRAINSTEM_SYSLOG_TCP_MAX_CONNECTIONS       [brainstem.syslog.tcp-max-connections]       1000
     * </pre>
     */
    public record Connections(Duration httpIdleTimeout, int httpMaxConnections,
            Duration syslogTcpIdleTimeout, int syslogTcpMaxConnections, Duration httpHeaderTimeout,
            Duration httpBodyTimeout) {
    }

    /** Port value meaning "disabled". */
    public static final int OFF = 0;

    /** Raw envelopes and events are kept this many days after receipt unless configured otherwise. */
    public static final int DEFAULT_RETENTION_DAYS = 30;

    /** Whether retention deletes anything: {@code BRAINSTEM_RETENTION_DAYS=off} keeps everything. */
    public boolean retentionEnabled() {
        return retentionDays != OFF;
    }

    public static BrainstemSettings load(Config config, Map<String, String> env) {
        Source s = new Source(config, env);
        String httpHost = s.text("BRAINSTEM_HTTP_HOST", "brainstem.http.host", "127.0.0.1");
        int httpPort = s.port("BRAINSTEM_HTTP_PORT", "brainstem.http.port", "8080", false);
        String syslogHost = s.text("BRAINSTEM_SYSLOG_HOST", "brainstem.syslog.host", httpHost);
        int udp = s.port("BRAINSTEM_SYSLOG_PORT", "brainstem.syslog.port", "5514", true);
        int tcp = s.port("BRAINSTEM_SYSLOG_TCP_PORT", "brainstem.syslog.tcp-port", "off", true);
        Path dataDir = Path.of(s.text("BRAINSTEM_DATA_DIR", "brainstem.data-dir", ".brainstem-state"));
        String db = s.text("BRAINSTEM_DB_PATH", "brainstem.db-path", "");
        Path dbPath = db.isBlank() ? dataDir.resolve("brainstem.sqlite3") : Path.of(db);
        String token = s.text("BRAINSTEM_API_TOKEN", "brainstem.api-token", "");
        TenantId tenant = TenantId.of(s.text("BRAINSTEM_DEFAULT_TENANT", "brainstem.default-tenant", "default"));
        int maxSignatures = s.integer("BRAINSTEM_MAX_SIGNATURES", "brainstem.max-signatures",
                MinerSettings.DEFAULTS.maxSignatures());
        ApiLimits limits = new ApiLimits(
                s.integer("BRAINSTEM_MAX_BODY_BYTES", "brainstem.limits.max-body-bytes",
                        (int) ApiLimits.DEFAULTS.maxBodyBytes()),
                s.integer("BRAINSTEM_MAX_BATCH_EVENTS", "brainstem.limits.max-batch-events",
                        ApiLimits.DEFAULTS.maxBatchEvents()),
                s.integer("BRAINSTEM_MAX_LIMIT", "brainstem.limits.max-limit", ApiLimits.DEFAULTS.maxLimit()));
        limits = new ApiLimits(limits.maxBodyBytes(), limits.maxBatchEvents(), limits.maxLimit(),
                s.integer("BRAINSTEM_MAX_RESPONSE_BYTES", "brainstem.limits.max-response-bytes",
                        (int) ApiLimits.DEFAULT_MAX_RESPONSE_BYTES),
                s.longInteger("BRAINSTEM_MAX_BODY_BYTES_IN_FLIGHT", "brainstem.limits.max-body-bytes-in-flight",
                        ApiLimits.defaultBodyBytesInFlight(limits.maxBodyBytes())));
        MessageCap messageCap = new MessageCap(s.integer("BRAINSTEM_MAX_MESSAGE_BYTES",
                "brainstem.limits.max-message-bytes", MessageCap.DEFAULT_MAX_BYTES));
        Connections connections = new Connections(
                s.seconds("BRAINSTEM_HTTP_IDLE_TIMEOUT_SECONDS", "brainstem.http.idle-timeout-seconds", 60, false),
                s.integer("BRAINSTEM_HTTP_MAX_CONNECTIONS", "brainstem.http.max-connections", 1000),
                s.seconds("BRAINSTEM_SYSLOG_TCP_IDLE_TIMEOUT_SECONDS", "brainstem.syslog.tcp-idle-timeout-seconds",
                        900, true),
                s.integer("BRAINSTEM_SYSLOG_TCP_MAX_CONNECTIONS", "brainstem.syslog.tcp-max-connections", 1000),
                s.seconds("BRAINSTEM_HTTP_HEADER_TIMEOUT_SECONDS", "brainstem.http.header-timeout-seconds", 20, false),
                s.seconds("BRAINSTEM_HTTP_BODY_TIMEOUT_SECONDS", "brainstem.http.body-timeout-seconds", 30, false));
        int retentionDays = s.days("BRAINSTEM_RETENTION_DAYS", "brainstem.retention-days", DEFAULT_RETENTION_DAYS);
        String databaseUrl = s.text("BRAINSTEM_DATABASE_URL", "brainstem.database-url", "");
        String databasePassword = env.getOrDefault("BRAINSTEM_DATABASE_PASSWORD", "");
        LogicMonitorSetup logicMonitor = LogicMonitorSetup.of(
                s.text("BRAINSTEM_LM_COMPANY", "brainstem.logicmonitor.company", ""),
                s.text("BRAINSTEM_LM_BASE_URL", "brainstem.logicmonitor.base-url", ""),
                s.text("BRAINSTEM_LM_ACCESS_ID", "brainstem.logicmonitor.access-id", ""),
                s.text("BRAINSTEM_LM_ACCESS_KEY", "brainstem.logicmonitor.access-key", ""),
                s.text(LogicMonitorSetup.ENV_SYNC_INTERVAL, "brainstem.logicmonitor.sync-interval", "off"),
                TenantId.of(s.text(LogicMonitorSetup.ENV_SYNC_TENANT, "brainstem.logicmonitor.sync-tenant",
                        tenant.value())));
        boolean metrics = s.onOff("BRAINSTEM_METRICS", "brainstem.metrics", true);
        return new BrainstemSettings(httpHost, httpPort, syslogHost, udp, tcp, dataDir.toAbsolutePath().normalize(),
                dbPath.toAbsolutePath().normalize(), token.isBlank() ? Optional.empty() : Optional.of(token), tenant,
                new MinerSettings(maxSignatures), limits, retentionDays,
                databaseUrl.isBlank() ? Optional.empty() : Optional.of(databaseUrl),
                databasePassword.isEmpty() ? Optional.empty() : Optional.of(databasePassword), logicMonitor,
                messageCap, connections, metrics);
    }

    /** The settings for a log line: secrets (the API token, the database password) only as whether they are set. */
    @Override
    public String toString() {
        return "BrainstemSettings[http=" + httpHost + ":" + httpPort + ", syslog=" + syslogHost + " udp " + syslogUdpPort
                + " tcp " + syslogTcpPort + ", dataDir=" + dataDir + ", dbPath=" + dbPath + ", apiToken="
                + (apiToken.isPresent() ? "set" : "unset") + ", defaultTenant=" + defaultTenant.value()
                + ", databaseUrl=" + (databaseUrl.isPresent() ? "set" : "unset") + ", databasePassword="
                + (databasePassword.isPresent() ? "set" : "unset") + ", retentionDays=" + retentionDays
                + ", logicMonitor=" + logicMonitor + ", metrics=" + (metricsEnabled ? "on" : "off") + "]";
    }

    /** Whether brainstem stores in a PostgreSQL server ({@code BRAINSTEM_DATABASE_URL}) rather than SQLite. */
    public boolean usesPostgres() {
        return databaseUrl.isPresent();
    }

    /** Reads one setting: environment first, then configuration, then the default. */
    private record Source(Config config, Map<String, String> env) {

        String text(String envName, String key, String defaultValue) {
            String fromEnv = env.get(envName);
            if (fromEnv != null && !fromEnv.isBlank()) {
                return fromEnv.strip();
            }
            return config.get(key).asString().orElse(defaultValue).strip();
        }

        int integer(String envName, String key, int defaultValue) {
            long value = longInteger(envName, key, defaultValue);
            if (value != (int) value) {
                throw new IllegalArgumentException(envName + " is too large, was " + value);
            }
            return (int) value;
        }

        long longInteger(String envName, String key, long defaultValue) {
            String raw = text(envName, key, Long.toString(defaultValue));
            try {
                return Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(envName + " must be a whole number, was '" + raw + "'");
            }
        }

        /** Whole seconds, at least 1 (or, when {@code mayBeOff}, {@code off}: zero, no timeout). */
        Duration seconds(String envName, String key, int defaultValue, boolean mayBeOff) {
            String raw = text(envName, key, Integer.toString(defaultValue));
            if (mayBeOff && (raw.equalsIgnoreCase("off") || raw.equalsIgnoreCase("false"))) {
                return Duration.ZERO;
            }
            try {
                int seconds = Integer.parseInt(raw);
                if (seconds >= 1) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                // fall through to the message
            }
            throw new IllegalArgumentException(envName + " must be a number of seconds of at least 1"
                    + (mayBeOff ? " or 'off'" : "") + ", was '" + raw + "'");
        }

        boolean onOff(String envName, String key, boolean defaultValue) {
            String raw = text(envName, key, defaultValue ? "on" : "off");
            return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
                case "on", "true", "yes", "1" -> true;
                case "off", "false", "no", "0" -> false;
                default -> throw new IllegalArgumentException(envName + " must be 'on' or 'off', was '" + raw + "'");
            };
        }

        int days(String envName, String key, int defaultValue) {
            String raw = text(envName, key, Integer.toString(defaultValue));
            if (raw.equalsIgnoreCase("off") || raw.equalsIgnoreCase("false")) {
                return OFF;
            }
            try {
                int days = Integer.parseInt(raw);
                if (days >= 1 && days <= 36_500) {
                    return days;
                }
            } catch (NumberFormatException e) {
                // fall through to the message
            }
            throw new IllegalArgumentException(envName + " must be a number of days 1..36500 or 'off', was '"
                    + raw + "'");
        }

        int port(String envName, String key, String defaultValue, boolean mayBeOff) {
            String raw = text(envName, key, defaultValue);
            if (mayBeOff && (raw.equalsIgnoreCase("off") || raw.equalsIgnoreCase("false") || raw.isEmpty())) {
                return OFF;
            }
            try {
                int port = Integer.parseInt(raw);
                if (port >= 0 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // fall through to the message
            }
            throw new IllegalArgumentException(envName + " must be a port 0..65535" + (mayBeOff ? " or 'off'" : "")
                    + ", was '" + raw + "'");
        }
    }
}
