package io.brainstem.adapters.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /metrics}: the process's meters for Prometheus, in the exposition format the scraper's Accept header
 * asks for (ADR 24). Everything it reads is in memory; it never touches a database.
 */
final class MetricsHttpService implements HttpService {

    private final HttpMetrics metrics;

    MetricsHttpService(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/metrics", this::scrape);
    }

    private void scrape(ServerRequest req, ServerResponse res) {
        if (!metrics.enabled()) {
            Responses.error(res, Status.NOT_FOUND_404, "metrics_disabled",
                    "metrics are turned off (BRAINSTEM_METRICS=off)");
            return;
        }
        HttpMetrics.Scrape scrape = metrics.scrape(req.headers().first(HeaderNames.ACCEPT).orElse(null));
        res.header(HeaderNames.CONTENT_TYPE, scrape.contentType());
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(scrape.body());
    }
}
