package io.brainstem.adapters.http;

/**
 * What the HTTP adapter needs of the process's metrics: to record each request it served, and the scrape that
 * {@code GET /metrics} answers. Bootstrap provides it over the metrics adapter; {@link #OFF} records nothing and
 * makes {@code GET /metrics} a 404 (metrics turned off, or a test that does not need them).
 */
public interface HttpMetrics {

    /** Metrics are off: nothing is recorded and {@code GET /metrics} is {@code 404 metrics_disabled}. */
    HttpMetrics OFF = new HttpMetrics() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void requestServed(String method, String route, int status, long nanos) {
        }

        @Override
        public Scrape scrape(String accept) {
            throw new IllegalStateException("metrics are off");
        }
    };

    boolean enabled();

    /**
     * One request answered: {@code route} is the template of the endpoint it matched ({@link RouteTemplates}),
     * never the raw path; {@code nanos} from the start of its routing to the end of its response.
     */
    void requestServed(String method, String route, int status, long nanos);

    /** Every meter, in the exposition format that {@code accept} (the scraper's Accept header, may be null) asks for. */
    Scrape scrape(String accept);

    /** A scrape: its content type and body. */
    record Scrape(String contentType, byte[] body) {
    }
}
