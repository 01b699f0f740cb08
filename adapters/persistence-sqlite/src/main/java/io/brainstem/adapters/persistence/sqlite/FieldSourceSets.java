package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.JsonColumns;
import io.brainstem.application.port.out.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The {@code field_source_sets} dictionary (schema V5, ADR 14): an event's field sources are one of a handful
 * of JSON objects ({@code {"facility":"parsed","host":"parsed",…}}, about 100 bytes), so a row holds the id of
 * its object instead of the text. The id is a hash of the text with bit 62 set, so a writer needs no lookup
 * and no state shared with the committed file: each batch inserts its objects with {@code INSERT OR IGNORE}
 * in the same transaction as its rows. Ids below 2^62 were numbered by the V5 migration.
 */
final class FieldSourceSets {

    /** One set of field sources: its id and its JSON text, keys in alphabetical order. */
    record Entry(long id, String json) {
    }

    static final long HASHED = 1L << 62;

    private static final int CACHE_LIMIT = 4096;

    private static final Map<Map<String, String>, Entry> CACHE = new ConcurrentHashMap<>();

    private FieldSourceSets() {
    }

    /** A map instance seen recently and its entry: the domain shares one instance per set (EventAssembler). */
    private record Known(Map<String, String> sources, Entry entry) {
    }

    private static final int RECENT_SLOTS = 16;

    private static final AtomicReferenceArray<Known> RECENT = new AtomicReferenceArray<>(RECENT_SLOTS);

    static Entry of(Map<String, String> sources) {
        int slot = System.identityHashCode(sources) & (RECENT_SLOTS - 1);
        Known known = RECENT.get(slot);
        if (known != null && known.sources() == sources) {
            return known.entry();
        }
        Entry entry = byContent(sources);
        RECENT.set(slot, new Known(sources, entry));
        return entry;
    }

    private static Entry byContent(Map<String, String> sources) {
        Entry entry = CACHE.get(sources);
        if (entry == null) {
            String json = JsonColumns.write(new TreeMap<>(sources));
            entry = new Entry(id(json), json);
            if (CACHE.size() < CACHE_LIMIT) {
                CACHE.put(Map.copyOf(sources), entry);
            }
        }
        return entry;
    }

    /** 64-bit FNV-1a over the UTF-16 code units, reduced to 62 bits, with bit 62 set. */
    static long id(String json) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < json.length(); i++) {
            h ^= json.charAt(i);
            h *= 0x100000001b3L;
        }
        return (h >>> 2) | HASHED;
    }

    static void insert(HotPathInserts.Statements statements, Connection connection, Collection<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            PreparedStatement ps = statements.prepare(connection,
                    "INSERT OR IGNORE INTO field_source_sets (id, json) VALUES (?, ?)");
            for (Entry e : entries) {
                ps.setLong(1, e.id());
                ps.setString(2, e.json());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StorageException("cannot store field sources: " + e.getMessage(), e);
        }
    }
}
