package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.service.MemoryServiceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The operational-memory loop over a real SQLite file: incidents, reviews, FTS search and retention. */
class SqliteMemoryServiceTest extends MemoryServiceTest {

    @Override
    protected StorageCatalog newCatalog() {
        try {
            Path dir = Files.createTempDirectory("brainstem-memory");
            dir.toFile().deleteOnExit();
            return new SqliteStorageCatalog(dir, dir.resolve("brainstem.sqlite3"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
