package io.brainstem.application.service;

import io.brainstem.application.port.out.IngestTelemetry;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.event.ParseOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One ingest request's envelopes counted per source type and outcome (known before the transaction: the outcomes
 * are computed first), reported to {@link IngestTelemetry} once on arrival and once when the transaction committed
 * or failed. A request holds one source type or a few, so this is a map of one or two entries.
 */
final class OutcomeTally {

    private static final int CANONICALIZED = 0;
    private static final int PARSE_FAILED = 1;
    private static final int UNSUPPORTED = 2;

    private final Map<String, int[]> perSourceType;
    private final int envelopes;
    private final AtomicBoolean settled = new AtomicBoolean();

    private OutcomeTally(Map<String, int[]> perSourceType, int envelopes) {
        this.perSourceType = perSourceType;
        this.envelopes = envelopes;
    }

    static OutcomeTally of(List<EnvelopeContent> contents, List<ParseOutcome> outcomes) {
        Map<String, int[]> perSourceType = new LinkedHashMap<>(4);
        String lastType = null;
        int[] counts = null;
        for (int i = 0; i < contents.size(); i++) {
            String type = String.valueOf(contents.get(i).sourceType());
            if (!type.equals(lastType)) { // a batch is mostly of one type: look it up when it changes
                counts = perSourceType.computeIfAbsent(type, k -> new int[3]);
                lastType = type;
            }
            counts[switch (outcomes.get(i)) {
                case ParseOutcome.Parsed p -> CANONICALIZED;
                case ParseOutcome.Failed f -> PARSE_FAILED;
                case ParseOutcome.Unsupported u -> UNSUPPORTED;
            }]++;
        }
        return new OutcomeTally(perSourceType, contents.size());
    }

    void reportReceived(IngestTelemetry telemetry) {
        perSourceType.forEach((type, c) -> telemetry.received(type, c[CANONICALIZED] + c[PARSE_FAILED] + c[UNSUPPORTED]));
    }

    /** The transaction committed; reported once however often the commit is joined. */
    void reportStored(IngestTelemetry telemetry) {
        if (settled.compareAndSet(false, true)) {
            perSourceType.forEach((type, c) -> telemetry.stored(type, c[CANONICALIZED], c[PARSE_FAILED],
                    c[UNSUPPORTED]));
        }
    }

    /** The transaction failed: nothing of it was stored; reported once. */
    void reportFailed(IngestTelemetry telemetry) {
        if (settled.compareAndSet(false, true)) {
            telemetry.failed(envelopes);
        }
    }
}
