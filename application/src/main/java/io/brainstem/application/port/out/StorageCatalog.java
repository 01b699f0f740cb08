package io.brainstem.application.port.out;

import io.brainstem.application.port.in.DatabaseRef;
import java.util.List;

/**
 * Opens databases by reference. The same reference yields the same {@link Storage} instance while it stays open,
 * so callers may key caches on it; a catalog that closes an idle database to open another tells
 * {@link #onClose} listeners first, and the next open of that reference is a new instance. A reference the adapter will not open (for the embedded store, a file outside
 * the data directory; for a server database, any named reference) is an
 * {@link io.brainstem.application.port.in.InvalidRequestException}.
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

    /**
     * How a reference is named in responses and logs: for an embedded store the absolute file, for a server
     * database its address without credentials. Never a secret.
     */
    String describe(DatabaseRef ref);

    /**
     * Called with a database this catalog closed while running (an idle one, to make room for another), so that
     * callers drop what they cached of it. Catalogs that never do so ignore it.
     */
    default void onClose(java.util.function.Consumer<Storage> listener) {
    }

    @Override
    void close();
}
