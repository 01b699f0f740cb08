package io.brainstem.adapters.logicmonitor;

import io.brainstem.application.port.out.LogicMonitorPortal;
import io.brainstem.application.port.out.PortalException;
import io.brainstem.application.port.out.PortalException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A LogicMonitor portal over its REST API (v3, {@code X-Version: 3}) with the JDK's HttpClient: every request
 * signed with LMv1; a 429 waits as {@code X-Rate-Limit-Window} says and goes on; a 5xx or a timeout is retried
 * after a doubling backoff; a 401 or 403 is a {@link Reason#UNAUTHORIZED} naming the credential settings. The
 * access key is only ever an HMAC key: it is in no message, header or URL.
 */
public final class HttpLogicMonitorPortal implements LogicMonitorPortal {

    static final String ALERTS_PATH = "/alert/alerts";
    static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(60);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int MAX_ECHO = 200;

    /** Waits between attempts; tests record the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final LogicMonitorPortalSettings settings;
    private final HttpClient client;
    private final Clock clock;
    private final Sleeper sleeper;

    public HttpLogicMonitorPortal(LogicMonitorPortalSettings settings, Clock clock) {
        this(settings, clock, d -> Thread.sleep(d.toMillis()));
    }

    public HttpLogicMonitorPortal(LogicMonitorPortalSettings settings, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String name() {
        return settings.portalName();
    }

    @Override
    public AlertPage alerts(Instant startedFrom, int offset, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE || offset < 0) {
            throw new IllegalArgumentException("a page is 1.." + MAX_PAGE_SIZE + " alerts from offset >= 0");
        }
        URI uri = URI.create(settings.baseUrl() + ALERTS_PATH + "?" + query(startedFrom, offset, size));
        String lastProblem = "no answer";
        Duration backoff = settings.firstBackoff();
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Duration wait;
            try {
                HttpResponse<byte[]> response = client.send(request(uri), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 200) {
                    return page(response.body(), attempt);
                }
                if (status == 401 || status == 403) {
                    throw unauthorized(status);
                }
                if (status == 429) {
                    lastProblem = "HTTP 429 (rate limited)";
                    wait = rateLimitWait(response);
                } else if (status >= 500) {
                    lastProblem = "HTTP " + status;
                    wait = backoff;
                    backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                } else {
                    throw new PortalException(Reason.REJECTED, "LogicMonitor portal " + name() + " answered HTTP "
                            + status + " to GET " + ALERTS_PATH + echo(response.body()));
                }
            } catch (IOException e) { // timeouts (HttpTimeoutException) and connection failures
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                wait = backoff;
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PortalException(Reason.UNAVAILABLE, "interrupted while asking LogicMonitor portal " + name());
            }
            if (attempt < settings.maxAttempts()) {
                pause(wait);
            }
        }
        throw new PortalException(Reason.UNAVAILABLE, "LogicMonitor portal " + name() + " (" + settings.baseUrl()
                + ") did not answer after " + settings.maxAttempts() + " attempts; last: " + lastProblem);
    }

    /** {@code filter=startEpoch>:"N",cleared:"*"} (active and cleared alerts), in start order. */
    static String query(Instant startedFrom, int offset, int size) {
        String filter = "startEpoch>:\"" + startedFrom.getEpochSecond() + "\",cleared:\"*\"";
        return "filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8) + "&size=" + size + "&offset=" + offset
                + "&sort=" + URLEncoder.encode("+startEpoch", StandardCharsets.UTF_8) + "&needMessage=true";
    }

    private HttpRequest request(URI uri) {
        long epochMillis = clock.millis();
        return HttpRequest.newBuilder(uri).GET().timeout(settings.requestTimeout())
                .header("Authorization", Lmv1Signature.authorization(settings.accessId(), settings.accessKey(), "GET",
                        epochMillis, "", ALERTS_PATH))
                .header("X-Version", "3")
                .header("Accept", "application/json")
                .build();
    }

    private AlertPage page(byte[] body, int requests) {
        try {
            AlertPageJson.Page p = AlertPageJson.read(body, name(), clock.instant());
            return new AlertPage(p.alerts(), p.total(), p.skipped(), requests);
        } catch (IOException | RuntimeException e) {
            throw new PortalException(Reason.REJECTED, "LogicMonitor portal " + name()
                    + " answered GET " + ALERTS_PATH + " with something that is not an alert page: " + e.getMessage(),
                    e);
        }
    }

    private PortalException unauthorized(int status) {
        return new PortalException(Reason.UNAUTHORIZED, "LogicMonitor portal " + name() + " refused the API token"
                + " (HTTP " + status + "): check " + LogicMonitorPortalSettings.ENV_ACCESS_ID + " and "
                + LogicMonitorPortalSettings.ENV_ACCESS_KEY + " (an LMv1 token allowed to read alerts) and that this"
                + " host's clock is right");
    }

    private Duration rateLimitWait(HttpResponse<?> response) {
        Optional<String> window = response.headers().firstValue("X-Rate-Limit-Window");
        Duration wait = DEFAULT_RATE_LIMIT_WAIT;
        if (window.isPresent()) {
            try {
                wait = Duration.ofSeconds(Math.max(0, Long.parseLong(window.get().strip())));
            } catch (NumberFormatException e) {
                // keep the default
            }
        }
        return min(wait, settings.maxRateLimitWait());
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortalException(Reason.UNAVAILABLE, "interrupted while waiting for LogicMonitor portal "
                    + name());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The portal's own error message, when the body has one, shortened. */
    private static String echo(byte[] body) {
        try {
            String message = AlertPageJson.MAPPER.readTree(body).path("errorMessage").asText("");
            return message.isBlank() ? "" : ": " + (message.length() > MAX_ECHO ? message.substring(0, MAX_ECHO)
                    : message);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
