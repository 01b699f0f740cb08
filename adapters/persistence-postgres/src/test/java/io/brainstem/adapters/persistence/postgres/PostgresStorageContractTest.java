package io.brainstem.adapters.persistence.postgres;

import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.port.out.StorageCatalogContract;
import io.brainstem.application.port.out.StorageContracts;
import org.junit.jupiter.api.Nested;

/** The PostgreSQL adapter, on a real server, passes the same contracts as the SQLite and in-memory ones. */
class PostgresStorageContractTest extends StorageContracts {

    private final java.util.Map<Storage, PostgresAddress> addresses = new java.util.IdentityHashMap<>();

    @Override
    protected Storage freshStorage() {
        PostgresAddress address = PostgresServer.get().freshSchema();
        PostgresStorage storage = new PostgresStorage(address);
        addresses.put(storage, address);
        return storage;
    }

    @Override
    protected Storage restart(Storage storage) {
        PostgresAddress address = addresses.remove(storage);
        ((PostgresStorage) storage).close();
        PostgresStorage reopened = new PostgresStorage(address);
        addresses.put(reopened, address);
        return reopened;
    }

    @Nested
    class Catalog extends StorageCatalogContract {
        @Override
        protected StorageCatalog newCatalog() {
            return new PostgresStorageCatalog(PostgresServer.get().freshSchema());
        }

        @Override
        protected boolean namesDatabases() {
            return false;
        }
    }
}
