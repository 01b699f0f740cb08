package io.brainstem.application.port.in;

/**
 * Which database a request reads or writes: the default one, or a named one the client chose with
 * {@code db_path}. Where a name may point is the storage adapter's rule (inside the data directory).
 */
public record DatabaseRef(String name) {

    public static final DatabaseRef DEFAULT = new DatabaseRef(null);

    public DatabaseRef {
        if (name != null && name.isBlank()) {
            name = null;
        }
    }

    public static DatabaseRef of(String name) {
        return name == null || name.isBlank() ? DEFAULT : new DatabaseRef(name);
    }

    public boolean isDefault() {
        return name == null;
    }
}
