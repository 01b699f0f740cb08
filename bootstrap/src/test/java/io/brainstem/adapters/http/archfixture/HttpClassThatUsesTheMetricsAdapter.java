package io.brainstem.adapters.http.archfixture;

import io.brainstem.adapters.metrics.BrainstemMetrics;

/** Breaks the rules on purpose (adapters never use each other; bootstrap connects them). */
public final class HttpClassThatUsesTheMetricsAdapter {

    public byte[] scrape(BrainstemMetrics metrics) {
        return metrics.scrape(null).body();
    }
}
