package io.brainstem.adapters.logicmonitor;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How to reach one LogicMonitor portal. {@link #toString()} never shows the access key, so a settings object may be
 * logged or printed.
 *
 * @param baseUrl          the REST API's base, {@code https://{company}.logicmonitor.com/santaba/rest} (or a proxy)
 * @param portalName       the portal's name: the company, else the base URL's host
 * @param accessId         the API token's access id
 * @param accessKey        the API token's access key (secret)
 * @param connectTimeout   how long a connection may take
 * @param requestTimeout   how long an answer may take
 * @param maxAttempts      requests per page at most, retries of 429, 5xx and timeouts included
 * @param firstBackoff     the wait before the first retry of a 5xx or timeout; it doubles each time
 * @param maxRateLimitWait the longest wait after a 429, whatever {@code X-Rate-Limit-Window} says
 */
public record LogicMonitorPortalSettings(URI baseUrl, String portalName, String accessId, String accessKey,
        Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration firstBackoff,
        Duration maxRateLimitWait) {

    public static final String ENV_COMPANY = "BRAINSTEM_LM_COMPANY";
    public static final String ENV_ACCESS_ID = "BRAINSTEM_LM_ACCESS_ID";
    public static final String ENV_ACCESS_KEY = "BRAINSTEM_LM_ACCESS_KEY";
    public static final String ENV_BASE_URL = "BRAINSTEM_LM_BASE_URL";

    /** The path of LogicMonitor's REST API on a portal; resource paths are signed without it. */
    public static final String REST_PATH = "/santaba/rest";

    private static final Pattern COMPANY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");

    public LogicMonitorPortalSettings {
        if (baseUrl == null || baseUrl.getHost() == null
                || !("https".equalsIgnoreCase(baseUrl.getScheme()) || "http".equalsIgnoreCase(baseUrl.getScheme()))) {
            throw new IllegalArgumentException(ENV_BASE_URL + " must be an http(s) URL with a host, was '" + baseUrl
                    + "'");
        }
        String path = baseUrl.getPath() == null ? "" : baseUrl.getPath();
        baseUrl = URI.create(baseUrl.toString().substring(0, baseUrl.toString().length()
                - (path.endsWith("/") ? 1 : 0)));
        if (portalName == null || portalName.isBlank()) {
            portalName = baseUrl.getHost().toLowerCase(Locale.ROOT);
        }
        if (accessId == null || accessId.isBlank() || accessKey == null || accessKey.isBlank()) {
            throw new IllegalArgumentException(ENV_ACCESS_ID + " and " + ENV_ACCESS_KEY + " are both required");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** A portal by its company name, with the defaults: 10 s to connect, 60 s per answer, 5 attempts. */
    public static LogicMonitorPortalSettings forCompany(String company, String accessId, String accessKey) {
        return forBaseUrl(companyUrl(company), company.strip().toLowerCase(Locale.ROOT), accessId, accessKey);
    }

    /** A portal behind {@code baseUrl} (a proxy, or a test portal), with the defaults. */
    public static LogicMonitorPortalSettings forBaseUrl(URI baseUrl, String portalName, String accessId,
            String accessKey) {
        return new LogicMonitorPortalSettings(baseUrl, portalName, accessId, accessKey, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 5, Duration.ofMillis(500), Duration.ofSeconds(120));
    }

    /** {@code https://{company}.logicmonitor.com/santaba/rest}; a company name is letters, digits and dashes. */
    public static URI companyUrl(String company) {
        if (company == null || !COMPANY.matcher(company.strip()).matches()) {
            throw new IllegalArgumentException(ENV_COMPANY + " must be the portal's name (letters, digits, '-'), as in"
                    + " https://NAME.logicmonitor.com, was '" + company + "'");
        }
        return URI.create("https://" + company.strip().toLowerCase(Locale.ROOT) + ".logicmonitor.com" + REST_PATH);
    }

    /** The same portal with other timeouts and retry bounds (tests, the bench). */
    public LogicMonitorPortalSettings withLimits(Duration connect, Duration request, int attempts, Duration backoff,
            Duration maxRateWait) {
        return new LogicMonitorPortalSettings(baseUrl, portalName, accessId, accessKey, connect, request, attempts,
                backoff, maxRateWait);
    }

    @Override
    public String toString() {
        return "LogicMonitorPortalSettings[baseUrl=" + baseUrl + ", portalName=" + portalName + ", accessId="
                + accessId + ", accessKey=(hidden), connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", maxAttempts=" + maxAttempts + "]";
    }
}
