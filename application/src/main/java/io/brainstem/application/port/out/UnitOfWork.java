package io.brainstem.application.port.out;

import java.util.function.Supplier;

/**
 * One transaction over a database. Repository calls made by {@code work} on the calling thread join it;
 * it commits when {@code work} returns and rolls back when it throws. Writes are serialized.
 */
public interface UnitOfWork {

    <T> T write(Supplier<T> work);

    /**
     * How many times another process has been seen to commit to this database; call inside
     * {@link #write}. A change tells in-memory caches of the database that they may be stale.
     */
    default long externalCommits() {
        return 0;
    }

    /** Runs read-only work; repository calls see one consistent snapshot. */
    <T> T read(Supplier<T> work);
}
