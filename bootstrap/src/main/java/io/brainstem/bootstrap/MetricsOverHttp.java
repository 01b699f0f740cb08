package io.brainstem.bootstrap;

import io.brainstem.adapters.http.HttpMetrics;
import io.brainstem.adapters.metrics.BrainstemMetrics;

/** The HTTP adapter's view of the metrics adapter: requests recorded, scrapes answered. */
final class MetricsOverHttp implements HttpMetrics {

    private final BrainstemMetrics metrics;

    MetricsOverHttp(BrainstemMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void requestServed(String method, String route, int status, long nanos) {
        metrics.requestServed(method, route, status, nanos);
    }

    @Override
    public Scrape scrape(String accept) {
        BrainstemMetrics.Scrape scrape = metrics.scrape(accept);
        return new Scrape(scrape.contentType(), scrape.body());
    }
}
