package org.playerdesk.system.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reference data kept in memory by key (each game's settings, each calendar), on the rules of a
 * {@link ReferenceCache}: every key is forgotten together when the data changes, or after
 * {@code keep}. Made by {@link ReferenceData#map} for data read from an entity, or directly for
 * data written with SQL, whose writer calls {@link #changed()}.
 */
public final class ReferenceMap<K, V> {

    private final ReferenceCache<Map<K, V>> cache;

    public ReferenceMap(Duration keep) {
        this(new ReferenceCache<>(keep));
    }

    ReferenceMap(ReferenceCache<Map<K, V>> cache) {
        this.cache = cache;
    }

    /** The value kept for {@code key}, or as {@code load} reads it; nothing found (null) is not kept. */
    public V get(K key, Function<K, V> load) {
        Map<K, V> kept = cache.get(ConcurrentHashMap::new);
        V value = kept.get(key);
        if (value == null) {
            value = load.apply(key);
            if (value != null) {
                kept.put(key, value);
            }
        }
        return value;
    }

    /** The data changed (or is about to, in the current transaction): read it again. */
    public void changed() {
        cache.changed();
    }
}
