package io.brainstem.adapters.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * What every request passes before its route (ADR 26):
 * <ul>
 *   <li>a request a browser sent from a page of another origin is refused with 403 ({@code Origin} not this
 *       server's own scheme-less host and port, or {@code Sec-Fetch-Site} {@code cross-site}/{@code same-site}), so a
 *       web page cannot post events to a brainstem on 127.0.0.1; clients without {@code Origin} (curl, scripts) and
 *       the console, served from the same origin, pass;</li>
 *   <li>a request with a body must say {@code Content-Type: application/json} (a charset, if any, UTF-8): 415
 *       otherwise — every body brainstem reads is JSON;</li>
 *   <li>the request gets a {@link BodyBudget.Lease} for its body's bytes, given back once it is answered.</li>
 * </ul>
 */
final class RequestGuard implements Filter {

    private static final HeaderName SEC_FETCH_SITE = HeaderNames.create("Sec-Fetch-Site");

    private final BodyBudget budget;
    private final java.util.Optional<HttpConnections> connections;

    RequestGuard(BodyBudget budget, java.util.Optional<HttpConnections> connections) {
        this.budget = budget;
        this.connections = connections;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        crossSite(req).ifPresent(reason -> {
            throw ApiException.drained(Status.FORBIDDEN_403, "cross_origin", reason, 0);
        });
        if (hasBody(req)) {
            requireJson(req);
        }
        try (BodyBudget.Lease lease = budget.lease()) {
            req.context().register(lease);
            connections.ifPresent(c -> req.context().register(c));
            chain.proceed();
        }
    }

    private static boolean hasBody(RoutingRequest req) {
        return req.headers().contains(HeaderNames.TRANSFER_ENCODING)
                || req.headers().contentLength().orElse(0) > 0;
    }

    private static void requireJson(RoutingRequest req) {
        Optional<String> given = req.headers().first(HeaderNames.CONTENT_TYPE);
        boolean json;
        try {
            Optional<HttpMediaType> type = req.headers().contentType();
            json = type.isPresent() && "application".equalsIgnoreCase(type.get().mediaType().type())
                    && "json".equalsIgnoreCase(type.get().mediaType().subtype())
                    && type.get().charset().map(c -> c.equalsIgnoreCase("utf-8")).orElse(true);
        } catch (RuntimeException unparsable) {
            json = false;
        }
        if (!json) {
            throw ApiException.drained(Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported_media_type",
                    "the body must be JSON: send Content-Type: application/json (UTF-8), was "
                            + given.map(t -> "'" + RequestSupport.abbreviate(t) + "'").orElse("none"), 0);
        }
    }

    /** Why the request comes from another site's page, if it does. */
    static Optional<String> crossSite(RoutingRequest req) {
        Optional<String> site = req.headers().first(SEC_FETCH_SITE).map(v -> v.strip().toLowerCase(Locale.ROOT));
        if (site.isPresent() && (site.get().equals("cross-site") || site.get().equals("same-site"))) {
            return Optional.of("requests from another site's page are refused (Sec-Fetch-Site: " + site.get() + ")");
        }
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN).map(String::strip);
        if (origin.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> host = req.headers().first(HeaderNames.HOST).map(String::strip);
        if (host.isEmpty() || !sameOrigin(origin.get(), host.get())) {
            return Optional.of("requests from a page of another origin are refused (Origin "
                    + RequestSupport.abbreviate(origin.get()) + " is not this server)");
        }
        return Optional.empty();
    }

    /** Whether {@code origin} (scheme://host[:port]) names the {@code Host} the request was sent to. */
    static boolean sameOrigin(String origin, String host) {
        URI o;
        URI h;
        try {
            o = new URI(origin);
            h = new URI(o.getScheme() + "://" + host);
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return false;
        }
        if (o.getHost() == null || h.getHost() == null || !o.getHost().equalsIgnoreCase(h.getHost())) {
            return false;
        }
        int defaultPort = "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
        int originPort = o.getPort() < 0 ? defaultPort : o.getPort();
        int hostPort = h.getPort() < 0 ? defaultPort : h.getPort();
        return originPort == hostPort;
    }
}
