package io.brainstem.application.port.out;

/**
 * What a store reports about its write transactions, for whoever watches the process (the metrics adapter). Called
 * on the committing thread: cheap, never blocking, never failing the commit. {@link #NONE} ignores it.
 */
public interface CommitTelemetry {

    /** Reports nothing. */
    CommitTelemetry NONE = new CommitTelemetry() {
    };

    /**
     * A transaction committed {@code writes} units of work (more than one when the store commits a group of them
     * together, ADR 13) and took {@code nanos} from its first statement to the end of its commit.
     */
    default void committed(int writes, long nanos) {
    }

    /** A transaction of {@code writes} units of work failed and was rolled back. */
    default void failed(int writes) {
    }
}
