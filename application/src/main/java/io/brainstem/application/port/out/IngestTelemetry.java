package io.brainstem.application.port.out;

import io.brainstem.domain.candidate.DecisionBand;

/**
 * What the ingest pipeline reports as it works, for whoever watches the process (the metrics adapter). Calls are
 * cheap, never block and never fail the work; {@link #NONE} ignores them (tests, one-shot CLI commands).
 *
 * <p>Source types are the client's words: an implementation must bound them (see
 * {@link io.brainstem.domain.envelope.SourceType#KNOWN}) before using them as a label.
 */
public interface IngestTelemetry {

    /** Reports nothing. */
    IngestTelemetry NONE = new IngestTelemetry() {
    };

    /** {@code count} envelopes of {@code sourceType} arrived at ingest, before their transaction. */
    default void received(String sourceType, int count) {
    }

    /**
     * The transaction holding these envelopes of {@code sourceType} committed: so many were canonicalized, failed to
     * parse or had a source type no parser knows.
     */
    default void stored(String sourceType, int canonicalized, int parseFailed, int unsupported) {
    }

    /** An ingest transaction of {@code envelopes} envelopes failed: none of them was stored. */
    default void failed(int envelopes) {
    }

    /**
     * The live signatures held in memory changed by {@code delta}: created (+1), merged into another (-1), loaded with
     * a tenant (+n) or dropped with it (-n).
     */
    default void signaturesChanged(long delta) {
    }

    /** The candidates held in memory in {@code band} changed by {@code delta} (a candidate moving band is -1 and +1). */
    default void candidatesChanged(DecisionBand band, long delta) {
    }
}
