package io.brainstem.application.testing;

import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.port.out.StorageCatalogContract;
import io.brainstem.application.port.out.StorageContracts;
import org.junit.jupiter.api.Nested;

/** The in-memory adapter passes the same contracts as the SQLite and PostgreSQL ones. */
class InMemoryStorageContractTest extends StorageContracts {

    @Override
    protected Storage freshStorage() {
        return new InMemoryStorage();
    }

    @Nested
    class Catalog extends StorageCatalogContract {
        @Override
        protected StorageCatalog newCatalog() {
            return InMemoryStorage.catalog();
        }

        @Override
        protected boolean namesDatabases() {
            return true;
        }
    }
}
