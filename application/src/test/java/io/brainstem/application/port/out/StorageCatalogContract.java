package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.InvalidRequestException;
import io.brainstem.domain.envelope.RawEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StorageCatalog} must do. A store either names databases ({@code db_path}: the embedded
 * store's files) or refuses every named reference with a 400 (a server database, ADR 27).
 */
public abstract class StorageCatalogContract {

    private StorageCatalog catalog;

    /** A fresh catalog with an empty default database. */
    protected abstract StorageCatalog newCatalog();

    /** Whether named references open databases of their own. */
    protected abstract boolean namesDatabases();

    /** A name this catalog accepts when {@link #namesDatabases()}. */
    protected String aName() {
        return "other.sqlite3";
    }

    private StorageCatalog catalog() {
        if (catalog == null) {
            catalog = newCatalog();
        }
        return catalog;
    }

    @AfterEach
    void closeCatalog() {
        if (catalog != null) {
            catalog.close();
        }
    }

    @Test
    void theSameReferenceYieldsTheSameStorage() {
        assertSame(catalog().open(DatabaseRef.DEFAULT), catalog().open(DatabaseRef.DEFAULT));
        assertSame(catalog().open(DatabaseRef.DEFAULT), catalog().openExisting(DatabaseRef.DEFAULT));
        assertSame(catalog().open(DatabaseRef.DEFAULT), catalog().open(DatabaseRef.of(" ")));
    }

    @Test
    void whatOneOpeningWritesAnotherOpeningReads() {
        Storage first = catalog().open(DatabaseRef.DEFAULT);
        RawEnvelope e = StorageFixtures.receive(first, T0, "written through the first opening").get(0);
        Storage again = catalog().openExisting(DatabaseRef.DEFAULT);
        assertTrue(again.unitOfWork().read(() -> again.rawEnvelopes().findById(e.id())).isPresent());
    }

    @Test
    void theDefaultDatabaseComesFirstAmongTheOpenOnes() {
        assertEquals(DatabaseRef.DEFAULT, catalog().openDatabases().get(0));
    }

    @Test
    void referencesAreDescribedWithoutSecrets() {
        String described = catalog().describe(DatabaseRef.DEFAULT);
        assertFalse(described.isBlank());
        assertFalse(described.toLowerCase(java.util.Locale.ROOT).contains("password"), described);
    }

    @Test
    void namedDatabasesAreSeparateOrRefused() {
        DatabaseRef named = DatabaseRef.of(aName());
        if (!namesDatabases()) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> catalog().open(named));
            assertFalse(e.getMessage().isBlank());
            return;
        }
        InvalidRequestException unknown = assertThrows(InvalidRequestException.class,
                () -> catalog().openExisting(named), "reads never create a database");
        assertEquals("unknown_database", unknown.code());
        Storage other = catalog().open(named);
        assertNotSame(catalog().open(DatabaseRef.DEFAULT), other);
        assertSame(other, catalog().openExisting(named));
        RawEnvelope e = StorageFixtures.receive(other, T0, "only in the named database").get(0);
        Storage main = catalog().open(DatabaseRef.DEFAULT);
        assertTrue(main.unitOfWork().read(() -> main.rawEnvelopes().findById(e.id())).isEmpty());
        assertEquals(2, catalog().openDatabases().size(), "a named database joins the open ones");
    }
}
