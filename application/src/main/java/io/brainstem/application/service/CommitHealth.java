package io.brainstem.application.service;

import io.brainstem.application.port.out.CommitTelemetry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the store is taking writes, from its own commit reports: the write transactions that failed since the last
 * one that committed. {@code /healthz} is degraded once several failed in a row (a full disk, a
 * corrupt or unreachable database), and ok again with the next commit. Passes every report on to {@code next}.
 * How many make the store unusable is {@link io.brainstem.application.port.in.RuntimeQueries.Store#unusable()}'s.
 */
public final class CommitHealth implements CommitTelemetry {

    private final CommitTelemetry next;
    private final AtomicLong failedInARow = new AtomicLong();

    public CommitHealth(CommitTelemetry next) {
        this.next = next;
    }

    @Override
    public void committed(int writes, long nanos) {
        failedInARow.set(0);
        next.committed(writes, nanos);
    }

    @Override
    public void failed(int writes) {
        failedInARow.incrementAndGet();
        next.failed(writes);
    }

    /** Write transactions that failed since the last commit. */
    public long failedInARow() {
        return failedInARow.get();
    }
}
