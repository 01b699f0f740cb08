package io.brainstem.adapters.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * With a token configured, every endpoint but {@link #OPEN_PATHS} needs {@code X-API-Token: <token>} or
 * {@code Authorization: Bearer <token>}; otherwise 401. Tokens are compared in constant time and never
 * echoed or logged. The console's static files ({@code GET} or {@code HEAD} of {@code /} and {@code /console/...}) need no token.
 */
final class AuthFilter implements Filter {

    static final List<String> OPEN_PATHS = List.of("/healthz", "/runtime", "/status");
    private static final io.helidon.http.HeaderName X_API_TOKEN = HeaderNames.create("X-API-Token");

    private final byte[] token;

    AuthFilter(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (OPEN_PATHS.contains(path) || consoleAsset(req, path) || authorized(req)) {
            chain.proceed();
            return;
        }
        Responses.error(res, Status.UNAUTHORIZED_401, "unauthorized",
                "this endpoint needs an API token: send X-API-Token or Authorization: Bearer");
    }

    /** The console's static files load without a token, so that the page can ask for one (ADR 22). */
    private static boolean consoleAsset(RoutingRequest req, String path) {
        Method method = req.prologue().method();
        return (Method.GET.equals(method) || Method.HEAD.equals(method)) && ConsoleHttpService.isConsolePath(path);
    }

    private boolean authorized(RoutingRequest req) {
        Optional<String> presented = req.headers().first(X_API_TOKEN);
        if (presented.isEmpty()) {
            presented = req.headers().first(HeaderNames.AUTHORIZATION)
                    .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                    .map(v -> v.substring(7).strip());
        }
        return presented.isPresent()
                && MessageDigest.isEqual(token, presented.get().getBytes(StandardCharsets.UTF_8));
    }
}
