package io.brainstem.application.port.out;

/** Any failure of a storage adapter, wrapped so that no technology type crosses the port. */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
