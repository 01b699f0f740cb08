package io.brainstem.domain.candidate.detection;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map in access order that evicts its least recently used entry once it holds more than its cap. */
final class LruMap<K, V> extends LinkedHashMap<K, V> {

    private final int cap;

    LruMap(int cap) {
        super(16, 0.75f, true);
        this.cap = cap;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > cap;
    }
}
