package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.port.out.StorageCatalogContract;
import io.brainstem.application.port.out.StorageContracts;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite adapter, on a real file, passes the same contracts as the in-memory one. */
class SqliteStorageContractTest extends StorageContracts {

    @TempDir
    Path dir;

    /** Closed after each test, before the temporary directory is deleted: no checkpointer writes into it then. */
    private final java.util.List<SqliteStorage> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    protected Storage freshStorage() {
        SqliteStorage storage = new SqliteStorage(dir.resolve("contract-" + System.nanoTime() + ".sqlite3"));
        opened.add(storage);
        return storage;
    }

    @org.junit.jupiter.api.AfterEach
    void closeStorages() {
        opened.forEach(SqliteStorage::close);
        opened.clear();
    }

    @Override
    protected Storage restart(Storage storage) {
        SqliteStorage sqlite = (SqliteStorage) storage;
        sqlite.close();
        return new SqliteStorage(sqlite.file());
    }

    @Nested
    class Catalog extends StorageCatalogContract {
        @Override
        protected StorageCatalog newCatalog() {
            Path data = dir.resolve("catalog-" + System.nanoTime());
            return new SqliteStorageCatalog(data, data.resolve("brainstem.sqlite3"));
        }

        @Override
        protected boolean namesDatabases() {
            return true;
        }
    }
}
