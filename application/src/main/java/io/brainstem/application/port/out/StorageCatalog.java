package io.brainstem.application.port.out;

import io.brainstem.application.port.in.DatabaseRef;
import java.util.List;

/**
 * Opens databases by reference. The same reference always yields the same {@link Storage} instance, so
 * callers may key caches on it. A reference the adapter will not open (outside the data directory)
 * is an {@link io.brainstem.application.port.in.InvalidRequestException}.
 */
public interface StorageCatalog extends AutoCloseable {

    Storage open(DatabaseRef ref);

    /**
     * Opens a database only if it exists (reads must not create files); the default database always
     * exists. An unknown named database is an {@link io.brainstem.application.port.in.InvalidRequestException}.
     */
    default Storage openExisting(DatabaseRef ref) {
        return open(ref);
    }

    /**
     * The databases open now, the default one first (open or not): what background work such as retention walks
     * over. A database named by {@code db_path} joins once a request has opened it.
     */
    default List<DatabaseRef> openDatabases() {
        return List.of(DatabaseRef.DEFAULT);
    }

    /** Where a reference resolves to, for responses (e.g. the absolute database path). */
    String locate(DatabaseRef ref);

    @Override
    void close();
}
