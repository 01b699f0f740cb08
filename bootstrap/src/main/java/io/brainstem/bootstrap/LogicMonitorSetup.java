package io.brainstem.bootstrap;

import io.brainstem.adapters.logicmonitor.LogicMonitorPortalSettings;
import io.brainstem.domain.envelope.TenantId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The LogicMonitor connector's settings (ADR 25): the portal, when configured, the scheduled sync's interval (off
 * by default) and the tenant it syncs for. A half-configured portal, or a schedule without a portal, fails at start
 * naming what is missing (ADR 23).
 */
record LogicMonitorSetup(Optional<LogicMonitorPortalSettings> portal, Optional<Duration> syncInterval,
        TenantId syncTenant) {

    static final String ENV_SYNC_INTERVAL = "BRAINSTEM_LM_SYNC_INTERVAL";
    static final String ENV_SYNC_TENANT = "BRAINSTEM_LM_SYNC_TENANT";
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    /** Why a sync cannot run without a portal, naming the settings. */
    static final String NOT_CONFIGURED = "no LogicMonitor portal is configured: set "
            + LogicMonitorPortalSettings.ENV_COMPANY + " (the portal's name, as in https://NAME.logicmonitor.com) or "
            + LogicMonitorPortalSettings.ENV_BASE_URL + ", and " + LogicMonitorPortalSettings.ENV_ACCESS_ID + " and "
            + LogicMonitorPortalSettings.ENV_ACCESS_KEY + " (an LMv1 API token allowed to read alerts)";

    /**
     * From the raw values (blank = unset): no portal value at all is "not configured"; some but not all is an
     * {@link IllegalArgumentException} naming the missing ones.
     */
    static LogicMonitorSetup of(String company, String baseUrl, String accessId, String accessKey, String interval,
            TenantId syncTenant) {
        boolean anySet = !company.isBlank() || !baseUrl.isBlank() || !accessId.isBlank() || !accessKey.isBlank();
        Optional<LogicMonitorPortalSettings> portal = Optional.empty();
        if (anySet) {
            List<String> missing = new ArrayList<>();
            if (company.isBlank() && baseUrl.isBlank()) {
                missing.add(LogicMonitorPortalSettings.ENV_COMPANY + " (or " + LogicMonitorPortalSettings.ENV_BASE_URL
                        + ")");
            }
            if (accessId.isBlank()) {
                missing.add(LogicMonitorPortalSettings.ENV_ACCESS_ID);
            }
            if (accessKey.isBlank()) {
                missing.add(LogicMonitorPortalSettings.ENV_ACCESS_KEY);
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("the LogicMonitor portal is half configured: set "
                        + String.join(", ", missing) + " too, or unset the others");
            }
            String name = company.isBlank() ? null : company.strip().toLowerCase(Locale.ROOT);
            URI base = baseUrl.isBlank() ? LogicMonitorPortalSettings.companyUrl(company) : baseUri(baseUrl);
            portal = Optional.of(LogicMonitorPortalSettings.forBaseUrl(base, name, accessId.strip(),
                    accessKey.strip()));
        }
        Optional<Duration> every = interval(interval);
        if (every.isPresent() && portal.isEmpty()) {
            throw new IllegalArgumentException(ENV_SYNC_INTERVAL + " is set, but " + NOT_CONFIGURED);
        }
        return new LogicMonitorSetup(portal, every, syncTenant);
    }

    private static URI baseUri(String text) {
        try {
            return URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(LogicMonitorPortalSettings.ENV_BASE_URL + " must be a URL such as"
                    + " https://acme.logicmonitor.com/santaba/rest, was '" + text + "'");
        }
    }

    /** {@code off} (or unset) = no schedule; {@code 90s}, {@code 5m}, {@code 1h}, or plain seconds. */
    static Optional<Duration> interval(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("off") || t.equals("false")) {
            return Optional.empty();
        }
        try {
            char unit = t.charAt(t.length() - 1);
            long amount = Long.parseLong(Character.isDigit(unit) ? t : t.substring(0, t.length() - 1));
            Duration d = switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Character.isDigit(unit) ? Duration.ofSeconds(amount) : null;
            };
            if (d != null && d.compareTo(MIN_INTERVAL) >= 0 && d.compareTo(Duration.ofDays(7)) <= 0) {
                return Optional.of(d);
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException(ENV_SYNC_INTERVAL + " must be 'off' or a duration such as 30s, 5m or 1h"
                + " (1 s to 7 days), was '" + text + "'");
    }
}
