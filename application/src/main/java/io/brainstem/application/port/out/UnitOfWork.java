package io.brainstem.application.port.out;

import java.util.function.Supplier;

/**
 * One transaction over a database. Repository calls made by {@code work} on the calling thread join it;
 * it commits when {@code work} returns and rolls back when it throws. Writes are serialized: they commit
 * in the order their work ran.
 */
public interface UnitOfWork {

    <T> T write(Supplier<T> work);

    /**
     * Runs {@code work} now, like {@link #write}, but may return before its commit is durable, so that the
     * caller can prepare its next write while this one commits (ADR 13). {@link Commit#join()} waits for the
     * commit and returns the result, or throws what made it fail.
     *
     * <p>An adapter may run {@code work} a second time, inside {@code join()}, when the first run turned out
     * to rest on stale state (an earlier commit failed, or another writer — another process or node — committed
     * in between): {@code work} must be safe to repeat, and a caller that caches state of this database must
     * check {@link #stateEpoch()} at its start. The default writes at once, which every store may do.
     */
    default <T> Commit<T> writeAhead(Supplier<T> work) {
        T result = write(work);
        return () -> result;
    }

    /** A write whose work has run; {@link #join()} waits until it is committed. */
    @FunctionalInterface
    interface Commit<T> {
        T join();
    }

    /**
     * A token that changes whenever state cached from this database may be stale: another writer (process or
     * node) was seen to commit to it, or a commit of this process failed after later work had already built on
     * it. Call inside {@link #write}; a cache that saw another value must be dropped. A store whose writers are
     * all this process and that never fails a commit after later work may keep it constant.
     */
    default long stateEpoch() {
        return 0;
    }

    /**
     * Called inside a write before it reads or changes what is kept of {@code tenant} (signatures, candidates,
     * memory): until this write ends no other writer of the store — another process or node — writes that tenant,
     * and what this write reads afterwards includes everything they committed. Returns how many writes of the
     * tenant were committed before this one, by any writer; a caller that caches the tenant's state keeps it only
     * when that is one more than the count it saw at its own last write (ADR 28). Calling it again in the same
     * write returns the same count.
     *
     * <p>A store that only this process writes (or that tells of other writers through {@link #stateEpoch()})
     * returns {@code -1}: cached state stays current.
     */
    default long claimTenant(io.brainstem.domain.envelope.TenantId tenant) {
        return -1;
    }

    /** Runs read-only work; repository calls see one consistent snapshot. */
    <T> T read(Supplier<T> work);
}
