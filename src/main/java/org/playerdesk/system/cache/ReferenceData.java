package org.playerdesk.system.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PostUpdate;

/**
 * The reference data kept in memory, by the entity it is read from: a module asks for a
 * {@link ReferenceCache} of an entity ({@link #cache}), and marks the entity with
 * {@code @EntityListeners(ReferenceData.Changes.class)}, so that every change of the entity
 * written through JPA makes the next reader load the data again. A change JPA does not see as an
 * update of the entity's row (only an element collection changed) is announced with
 * {@link #changed(Class)}.
 */
@Component
public class ReferenceData {

    private final Map<Class<?>, List<ReferenceCache<?>>> byEntity = new ConcurrentHashMap<>();

    /** A new cache of data read from {@code entity}, kept for {@code keep} at most. */
    public <T> ReferenceCache<T> cache(Class<?> entity, Duration keep) {
        return cache(entity, List.of(), keep);
    }

    /**
     * A new cache of data read from an entity and the entities it holds or that go with it
     * ({@code parts}: an agent's shifts beside their profile), kept for {@code keep} at most: a
     * change of any of them makes the next reader load again.
     */
    public <T> ReferenceCache<T> cache(Class<?> entity, List<Class<?>> parts, Duration keep) {
        ReferenceCache<T> cache = new ReferenceCache<>(keep);
        forgetOnChangesOf(entity, cache);
        parts.forEach(part -> forgetOnChangesOf(part, cache));
        return cache;
    }

    /** A new map of data read from {@code entity}, by key, kept for {@code keep} at most. */
    public <K, V> ReferenceMap<K, V> map(Class<?> entity, Duration keep) {
        return map(entity, List.of(), keep);
    }

    /**
     * A new map of data read from an entity and the entities it holds ({@code parts}: the steps of
     * a procedure, the rungs of a ladder), by key, kept for {@code keep} at most: a change of any
     * of them makes the next reader load again.
     */
    public <K, V> ReferenceMap<K, V> map(Class<?> entity, List<Class<?>> parts, Duration keep) {
        ReferenceCache<Map<K, V>> cache = cache(entity, parts, keep);
        return new ReferenceMap<>(cache);
    }

    private void forgetOnChangesOf(Class<?> entity, ReferenceCache<?> cache) {
        byEntity.computeIfAbsent(entity, e -> new CopyOnWriteArrayList<>()).add(cache);
    }

    /** Rows of {@code entity} changed (or are about to, in the current transaction). */
    public void changed(Class<?> entity) {
        byEntity.forEach((kept, caches) -> {
            if (kept.isAssignableFrom(entity)) {
                caches.forEach(ReferenceCache::changed);
            }
        });
    }

    /**
     * The entity listener: JPA makes an instance of its own (Spring injects the application's
     * {@link ReferenceData} into it) and calls it when an entity is persisted or removed (at once,
     * before the row is written: a reader in the same transaction must not get the kept list, whose
     * query would have written the row first) and after every insert, update and delete.
     */
    public static class Changes {

        private final ReferenceData data;

        public Changes(ReferenceData data) {
            this.data = data;
        }

        @PrePersist
        @PreRemove
        @PostPersist
        @PostUpdate
        @PostRemove
        void changed(Object entity) {
            data.changed(entity.getClass());
        }
    }
}
