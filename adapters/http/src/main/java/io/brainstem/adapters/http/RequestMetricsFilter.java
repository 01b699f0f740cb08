package io.brainstem.adapters.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Records every request routed — answered, refused by the token check, or not found — with its method, route
 * template and status. Registered first, so that it times the other filters too.
 */
final class RequestMetricsFilter implements Filter {

    private final HttpMetrics metrics;
    private final RouteTemplates routes;

    RequestMetricsFilter(HttpMetrics metrics, RouteTemplates routes) {
        this.metrics = metrics;
        this.routes = routes;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        // before routing: a service registered under a prefix (/ingest) sees the path relative to it
        String route = routes.route(req.path().path());
        try {
            chain.proceed();
        } finally {
            metrics.requestServed(RouteTemplates.method(req.prologue().method().text()), route, res.status().code(),
                    System.nanoTime() - start);
        }
    }
}
