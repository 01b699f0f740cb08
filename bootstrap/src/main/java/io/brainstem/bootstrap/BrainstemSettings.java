package io.brainstem.bootstrap;

import io.brainstem.adapters.http.ApiLimits;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.MinerSettings;
import io.helidon.config.Config;
import java.nio.file.Path;
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
 * BRAINSTEM_METRICS          [brainstem.metrics]          on     ("off": no meters, GET /metrics is a 404)
 * </pre>
 */
public record BrainstemSettings(String httpHost, int httpPort, String syslogHost, int syslogUdpPort,
        int syslogTcpPort, Path dataDir, Path dbPath, Optional<String> apiToken, TenantId defaultTenant,
        MinerSettings minerSettings, ApiLimits limits, int retentionDays, Optional<String> databaseUrl,
        Optional<String> databasePassword, boolean metricsEnabled) {

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
        int retentionDays = s.days("BRAINSTEM_RETENTION_DAYS", "brainstem.retention-days", DEFAULT_RETENTION_DAYS);
        String databaseUrl = s.text("BRAINSTEM_DATABASE_URL", "brainstem.database-url", "");
        String databasePassword = env.getOrDefault("BRAINSTEM_DATABASE_PASSWORD", "");
        boolean metrics = s.onOff("BRAINSTEM_METRICS", "brainstem.metrics", true);
        return new BrainstemSettings(httpHost, httpPort, syslogHost, udp, tcp, dataDir.toAbsolutePath().normalize(),
                dbPath.toAbsolutePath().normalize(), token.isBlank() ? Optional.empty() : Optional.of(token), tenant,
                new MinerSettings(maxSignatures), limits, retentionDays,
                databaseUrl.isBlank() ? Optional.empty() : Optional.of(databaseUrl),
                databasePassword.isEmpty() ? Optional.empty() : Optional.of(databasePassword), metrics);
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
            String raw = text(envName, key, Integer.toString(defaultValue));
            try {
                return Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(envName + " must be a whole number, was '" + raw + "'");
            }
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
