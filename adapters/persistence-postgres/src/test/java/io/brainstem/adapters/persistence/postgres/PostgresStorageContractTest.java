package io.brainstem.adapters.persistence.postgres;

import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.port.out.StorageCatalogContract;
import io.brainstem.application.port.out.StorageContracts;
import org.junit.jupiter.api.Nested;

/** The PostgreSQL adapter, on a real server, passes the same contracts as the SQLite and in-memory ones. */
class PostgresStorageContractTest extends StorageContracts {

    @Override
    protected Storage freshStorage() {
        return new PostgresStorage(PostgresServer.get().freshSchema());
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
