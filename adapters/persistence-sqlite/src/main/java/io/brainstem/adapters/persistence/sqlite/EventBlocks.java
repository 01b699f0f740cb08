package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.application.port.out.StorageException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Block summaries of the {@code events} table (ADR 12): for each block of {@value #BLOCK_SIZE} consecutive
 * event ids, the set of keys of the filterable values that occur in it. They stand in for secondary indexes:
 * the writer adds a block's new keys in the same transaction as its rows (one row per block, rewritten only
 * when a key is new), and a filtered listing reads only the blocks whose summary holds every filter.
 *
 * <p>Summaries only ever grow (a replayed event may add a value; none is removed), so a summary newer than a
 * reader's snapshot is a superset of what that snapshot needs: readers may share one cache.
 */
final class EventBlocks {

    static final int BLOCK_BITS = 10;
    static final int BLOCK_SIZE = 1 << BLOCK_BITS;
    /** Recently written blocks whose keys the writer keeps, so that most commits read no summary. */
    private static final int WRITER_CACHE_BLOCKS = 8;

    /** The filterable columns; the ordinal is part of the key, so only append. */
    enum Dimension { TENANT, SOURCE_TYPE, SOURCE_ID, SOURCE_PATH, HOST, SERVICE, SEVERITY, SIGNATURE }

    /** Ids {@code from} to {@code to}, both included. */
    record IdRange(long from, long to) {
    }

    static long key(Dimension dimension, String value) {
        return ((long) dimension.ordinal() << 32) | (value.hashCode() & 0xFFFF_FFFFL);
    }

    static long blockOf(long id) {
        return id >> BLOCK_BITS;
    }

    // ---- writer side: used only under the database's write lock ----

    private final Map<Long, KeySet> touched = new HashMap<>();
    private final Map<Long, KeySet> writerCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, KeySet> eldest) {
            return size() > WRITER_CACHE_BLOCKS;
        }
    };
    private long generation = -1;

    /** Notes the filterable values of an event row; null values are not indexed. */
    void note(long id, String tenant, String sourceType, String sourceId, String sourcePath, String host,
            String service, String severity, String signatureId) {
        KeySet keys = touched.computeIfAbsent(blockOf(id), b -> new KeySet());
        keys.add(Dimension.TENANT, tenant);
        keys.add(Dimension.SOURCE_TYPE, sourceType);
        keys.add(Dimension.SOURCE_ID, sourceId);
        keys.add(Dimension.SOURCE_PATH, sourcePath);
        keys.add(Dimension.HOST, host);
        keys.add(Dimension.SERVICE, service);
        keys.add(Dimension.SEVERITY, severity);
        keys.add(Dimension.SIGNATURE, signatureId);
    }

    /** Writes the summaries of the blocks touched in this transaction that gained a key. */
    void writeTouched(Connection c) {
        if (touched.isEmpty()) {
            return;
        }
        try {
            if (generation < 0) {
                generation = maxGeneration(c);
            }
            long next = generation + 1;
            boolean wrote = false;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO event_blocks (block, generation, keys) VALUES (?, ?, ?)")) {
                for (Map.Entry<Long, KeySet> e : touched.entrySet()) {
                    long block = e.getKey();
                    KeySet known = writerCache.get(block);
                    if (known == null) {
                        known = KeySet.of(load(c, block));
                        writerCache.put(block, known);
                    }
                    if (known.addAll(e.getValue())) {
                        ps.setLong(1, block);
                        ps.setLong(2, next);
                        ps.setBytes(3, encode(known.sorted()));
                        ps.addBatch();
                        wrote = true;
                    }
                }
                if (wrote) {
                    ps.executeBatch();
                    generation = next;
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot write event block summaries: " + e.getMessage(), e);
        } finally {
            touched.clear();
        }
    }

    /**
     * Retention deleted the rows with ids {@code from..to}: the summaries of the blocks left without a row are
     * deleted in the same transaction, and readers forget them once it commits ({@link #committed}). A block that
     * keeps some rows keeps its summary, a superset of what it now holds.
     */
    void deleteEmptied(Connection c, long from, long to) {
        try (PreparedStatement any = c.prepareStatement("SELECT 1 FROM events WHERE id BETWEEN ? AND ? LIMIT 1");
                PreparedStatement delete = c.prepareStatement("DELETE FROM event_blocks WHERE block = ?")) {
            for (long block = blockOf(from); block <= blockOf(to); block++) {
                IdRange ids = range(block, block);
                any.setLong(1, ids.from());
                any.setLong(2, ids.to());
                try (ResultSet rs = any.executeQuery()) {
                    if (rs.next()) {
                        continue;
                    }
                }
                delete.setLong(1, block);
                delete.executeUpdate();
                writerCache.remove(block);
                emptied.add(block);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot delete event block summaries: " + e.getMessage(), e);
        }
    }

    /** Blocks whose summary this transaction deleted; readers drop them once it commits. */
    private final List<Long> emptied = new ArrayList<>();

    /** The writer's transaction committed. */
    void committed() {
        emptied.forEach(readerCache::remove);
        emptied.clear();
    }

    /** After a rollback the cached keys may hold values never committed: harmless supersets, but drop them. */
    void rolledBack() {
        emptied.clear();
        touched.clear();
        writerCache.clear();
        generation = -1;
    }

    /** Another process wrote the file: what the writer cached may miss its keys. */
    void forgetWriterState() {
        writerCache.clear();
        generation = -1;
    }

    /** The blocks listed in {@code event_blocks_pending} (left by migration V4), whose summary is missing. */
    static List<Long> pendingBlocks(Connection c) {
        List<Long> pending = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT block FROM event_blocks_pending ORDER BY block")) {
            while (rs.next()) {
                pending.add(rs.getLong(1));
            }
            return pending;
        } catch (SQLException e) {
            throw new StorageException("cannot read the pending event blocks: " + e.getMessage(), e);
        }
    }

    /** Rebuilds the summaries of the pending blocks from their rows, in the caller's write transaction. */
    void rebuildPending(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, tenant_id, source_type, source_id, source_path,"
                + " host, service, severity, signature_id FROM events WHERE id BETWEEN ? AND ?")) {
            for (long block : pendingBlocks(c)) {
                IdRange ids = range(block, block);
                ps.setLong(1, ids.from());
                ps.setLong(2, ids.to());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        note(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
                    }
                }
            }
            writeTouched(c);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM event_blocks_pending");
            }
        } catch (SQLException e) {
            throw new StorageException("cannot rebuild the event block summaries: " + e.getMessage(), e);
        }
    }

    private static long maxGeneration(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(generation), 0) FROM event_blocks")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static long[] load(Connection c, long block) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT keys FROM event_blocks WHERE block = ?")) {
            ps.setLong(1, block);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? decode(rs.getBytes(1)) : new long[0];
            }
        }
    }

    // ---- reader side: shared by all reading threads ----

    private final NavigableMap<Long, long[]> readerCache = new ConcurrentSkipListMap<>();
    private long readerGeneration = -1;

    /**
     * The id ranges, newest first, of the blocks whose summary holds, for every filter, at least one of its
     * keys. Adjacent blocks are merged into one range; the caller reads the ranges in order until it has
     * enough rows.
     */
    List<IdRange> matching(Connection c, List<long[]> filters) {
        refresh(c);
        List<IdRange> ranges = new ArrayList<>();
        long rangeTop = -1;
        long rangeBottom = -1;
        for (Map.Entry<Long, long[]> e : readerCache.descendingMap().entrySet()) {
            if (!holdsAll(e.getValue(), filters)) {
                continue;
            }
            long block = e.getKey();
            if (rangeTop >= 0 && block == rangeBottom - 1) {
                rangeBottom = block;
                continue;
            }
            if (rangeTop >= 0) {
                ranges.add(range(rangeBottom, rangeTop));
            }
            rangeTop = block;
            rangeBottom = block;
        }
        if (rangeTop >= 0) {
            ranges.add(range(rangeBottom, rangeTop));
        }
        return ranges;
    }

    private static IdRange range(long bottomBlock, long topBlock) {
        return new IdRange(bottomBlock << BLOCK_BITS, (topBlock << BLOCK_BITS) + BLOCK_SIZE - 1);
    }

    private static boolean holdsAll(long[] keys, List<long[]> filters) {
        for (long[] anyOf : filters) {
            boolean found = false;
            for (long k : anyOf) {
                if (Arrays.binarySearch(keys, k) >= 0) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private synchronized void refresh(Connection c) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT block, generation, keys FROM event_blocks WHERE generation > ? ORDER BY generation")) {
            ps.setLong(1, readerGeneration);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    readerCache.put(rs.getLong(1), decode(rs.getBytes(3)));
                    readerGeneration = Math.max(readerGeneration, rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read event block summaries: " + e.getMessage(), e);
        }
    }

    static byte[] encode(long[] sortedKeys) {
        ByteBuffer buffer = ByteBuffer.allocate(sortedKeys.length * Long.BYTES);
        buffer.asLongBuffer().put(sortedKeys);
        return buffer.array();
    }

    static long[] decode(byte[] bytes) {
        long[] keys = new long[bytes.length / Long.BYTES];
        ByteBuffer.wrap(bytes).asLongBuffer().get(keys);
        return keys;
    }

    /** A small open-addressing set of keys. Zero marks an empty slot, so the key 0 is held apart. */
    static final class KeySet {
        private long[] table = new long[64];
        private boolean hasZero;
        private int size;

        static KeySet of(long[] keys) {
            KeySet set = new KeySet();
            for (long k : keys) {
                set.add(k);
            }
            return set;
        }

        void add(Dimension dimension, String value) {
            if (value != null) {
                add(key(dimension, value));
            }
        }

        boolean add(long key) {
            if (key == 0) {
                if (hasZero) {
                    return false;
                }
                hasZero = true;
                size++;
                return true;
            }
            if ((size + 1) * 2 > table.length) {
                grow();
            }
            int mask = table.length - 1;
            int i = (int) mix(key) & mask;
            while (table[i] != 0) {
                if (table[i] == key) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            table[i] = key;
            size++;
            return true;
        }

        /** Adds every key of {@code other}; true when at least one was new. */
        boolean addAll(KeySet other) {
            boolean changed = other.hasZero && add(0L);
            for (long k : other.table) {
                if (k != 0 && add(k)) {
                    changed = true;
                }
            }
            return changed;
        }

        long[] sorted() {
            long[] out = new long[size];
            int n = 0;
            if (hasZero) {
                out[n++] = 0;
            }
            for (long k : table) {
                if (k != 0) {
                    out[n++] = k;
                }
            }
            Arrays.sort(out);
            return out;
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            boolean zero = hasZero;
            size = zero ? 1 : 0;
            for (long k : old) {
                if (k != 0) {
                    add(k);
                }
            }
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 32);
        }
    }
}
