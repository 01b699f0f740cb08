package io.brainstem.application.service;

import io.brainstem.application.port.out.IngestTelemetry;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateId;
import io.brainstem.domain.candidate.DecisionBand;
import java.util.HashMap;
import java.util.Map;

/**
 * How many live signatures one {@link TenantState} holds, and its candidates per decision band, reported to
 * {@link IngestTelemetry} as they change, so that the process's totals are sums kept up to date in memory and a
 * scrape never counts anything. {@link #release()} takes the state's share back out when the state is dropped;
 * changes after that are ignored, so a dropped state that some work still mutates cannot make the totals drift.
 *
 * <p>Synchronized: the work mutating a state holds the database's write lock, but a failing commit drops (releases)
 * the state from another thread.
 */
final class HeldCounts {

    private final IngestTelemetry telemetry;
    private final Map<CandidateId, DecisionBand> bands = new HashMap<>();
    private final long[] perBand = new long[DecisionBand.values().length];
    private long signatures;
    private boolean released;

    HeldCounts(IngestTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    synchronized void signatures(long delta) {
        if (released || delta == 0) {
            return;
        }
        signatures += delta;
        telemetry.signaturesChanged(delta);
    }

    /** {@code candidate} is held with its current score: counted in its band, or moved there from its last one. */
    synchronized void candidate(Candidate candidate) {
        if (released) {
            return;
        }
        DecisionBand band = candidate.decisionBand();
        DecisionBand before = bands.put(candidate.id(), band);
        if (before == band) {
            return;
        }
        if (before != null) {
            perBand[before.ordinal()]--;
            telemetry.candidatesChanged(before, -1);
        }
        perBand[band.ordinal()]++;
        telemetry.candidatesChanged(band, 1);
    }

    /** The state is dropped: what it held no longer counts. Idempotent. */
    synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        if (signatures != 0) {
            telemetry.signaturesChanged(-signatures);
        }
        for (DecisionBand band : DecisionBand.values()) {
            if (perBand[band.ordinal()] != 0) {
                telemetry.candidatesChanged(band, -perBand[band.ordinal()]);
            }
        }
    }
}
