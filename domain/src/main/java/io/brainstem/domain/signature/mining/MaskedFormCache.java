package io.brainstem.domain.signature.mining;

import java.util.Arrays;

/**
 * The exact-match cache of the miner: masked form to signature, looked up straight from the masker's
 * buffer so a hit allocates nothing. Open addressing with linear probing; emptied when it reaches its
 * capacity, which bounds its memory.
 */
final class MaskedFormCache {

    private final int capacity;
    private String[] keys;
    private int[] hashes;
    private LogCluster[] values;
    private int size;

    MaskedFormCache(int capacity) {
        this.capacity = capacity;
        allocate(64);
    }

    private void allocate(int slots) {
        keys = new String[slots];
        hashes = new int[slots];
        values = new LogCluster[slots];
        size = 0;
    }

    static int hash(CharSequence text) {
        int h = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h ^ (h >>> 16);
    }

    /** The cluster cached for {@code text} (with {@code hash} from {@link #hash}), or {@code null}. */
    LogCluster get(CharSequence text, int hash) {
        int mask = keys.length - 1;
        for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && contentEquals(keys[slot], text)) {
                return values[slot];
            }
        }
        return null;
    }

    void put(String text, int hash, LogCluster cluster) {
        if (size >= capacity) {
            allocate(keys.length);
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = hash & mask;
        while (keys[slot] != null) {
            if (hashes[slot] == hash && keys[slot].equals(text)) {
                values[slot] = cluster;
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = text;
        hashes[slot] = hash;
        values[slot] = cluster;
        size++;
    }

    int size() {
        return size;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        LogCluster[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                put(oldKeys[i], oldHashes[i], oldValues[i]);
            }
        }
    }

    private static boolean contentEquals(String key, CharSequence text) {
        int n = key.length();
        if (n != text.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (key.charAt(i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    void clear() {
        Arrays.fill(keys, null);
        Arrays.fill(values, null);
        size = 0;
    }
}
