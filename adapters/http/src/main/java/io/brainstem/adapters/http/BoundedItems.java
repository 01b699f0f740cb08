package io.brainstem.adapters.http;

import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The items of a list answer, each written as JSON once, until they hold the response budget: the answer never
 * holds more than {@link ApiLimits#maxResponseBytes()} of items, whatever the rows hold, and says when it stopped
 * early ({@code truncated: true}; ADR 26). An item larger than the whole budget is never listed (it can be read on
 * its own, e.g. {@code GET /failures/{raw_envelope_id}}).
 */
record BoundedItems(List<RawValue> items, boolean truncated) {

    static BoundedItems of(List<?> items, long maxBytes) {
        List<RawValue> kept = new ArrayList<>(items.size());
        long bytes = 0;
        for (Object item : items) {
            byte[] json = JsonCodec.write(item);
            bytes += json.length;
            if (bytes > maxBytes) {
                return new BoundedItems(kept, true);
            }
            kept.add(new RawValue(new String(json, StandardCharsets.UTF_8)));
        }
        return new BoundedItems(kept, false);
    }

    /** Adds {@code count}, {@code items} and {@code truncated} (only when true) to a list answer. */
    void putInto(Map<String, Object> body) {
        body.put("count", items.size());
        body.put("items", items);
        if (truncated) {
            body.put("truncated", true);
        }
    }
}
