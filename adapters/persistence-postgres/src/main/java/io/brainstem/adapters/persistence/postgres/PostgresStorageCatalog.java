package io.brainstem.adapters.persistence.postgres;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.InvalidRequestException;
import io.brainstem.application.port.out.CommitTelemetry;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.StorageCatalog;

/**
 * One PostgreSQL database for everything: a server database is chosen by whoever runs brainstem
 * ({@code BRAINSTEM_DATABASE_URL}), never by a request, so {@code db_path} is refused with a 400 that says so
 * (ADR 27). The database is connected on first use.
 */
public final class PostgresStorageCatalog implements StorageCatalog {

    private final PostgresAddress address;
    private volatile PostgresStorage storage;

    private final CommitTelemetry telemetry;

    public PostgresStorageCatalog(PostgresAddress address) {
        this(address, CommitTelemetry.NONE);
    }

    /** The database reports its write transactions to {@code telemetry}. */
    public PostgresStorageCatalog(PostgresAddress address, CommitTelemetry telemetry) {
        this.address = address;
        this.telemetry = telemetry;
    }

    @Override
    public Storage open(DatabaseRef ref) {
        if (!ref.isDefault()) {
            throw new InvalidRequestException("db_path_unsupported", "db_path '" + ref.name()
                    + "' names a database file, and brainstem stores in PostgreSQL (" + address.describe()
                    + "): leave db_path out");
        }
        PostgresStorage s = storage;
        if (s == null) {
            synchronized (this) {
                if (storage == null) {
                    storage = new PostgresStorage(address, telemetry);
                }
                s = storage;
            }
        }
        return s;
    }

    @Override
    public String describe(DatabaseRef ref) {
        return address.describe();
    }

    @Override
    public synchronized void close() {
        if (storage != null) {
            storage.close();
            storage = null;
        }
    }
}
