package org.playerdesk.system.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One list of reference data (every game, every member of staff) kept in memory, so that the
 * console's pages do not read it on every request.
 *
 * <p>Kept until {@link #changed()} (called by whatever writes the data, e.g. an entity listener)
 * or for {@code keep} at most. {@link #changed()} forgets the list at once and again when the
 * writing transaction ends, so a reader that loaded the list while the change was not yet
 * committed does not keep the old list. Until then, the writing transaction itself reads the list
 * afresh each time (what it wrote is in it), and never from what another reader kept meanwhile:
 * a reader in another transaction may have loaded the list after the change was announced but
 * without the uncommitted row. Other nodes' changes are not announced: they are seen after
 * {@code keep} at the latest, which is why {@code keep} is short (seconds).
 */
public final class ReferenceCache<T> {

    private record Entry<T>(T value, long generation, long loadedAt) {
    }

    private final long keepNanos;
    private final AtomicLong generation = new AtomicLong();
    private volatile Entry<T> entry;

    public ReferenceCache(Duration keep) {
        this.keepNanos = keep.toNanos();
    }

    /** The list as kept, or as {@code load} reads it when it changed or is older than {@code keep}. */
    public T get(Supplier<T> load) {
        if (TransactionSynchronizationManager.hasResource(this)) {
            // this transaction changed the data: its own reads see its changes, and nobody keeps them yet
            return load.get();
        }
        long now = System.nanoTime();
        long current = generation.get();
        Entry<T> kept = entry;
        if (kept != null && kept.generation() == current && now - kept.loadedAt() < keepNanos) {
            return kept.value();
        }
        T value = load.get();
        // kept under the generation seen before loading: a change meanwhile makes the next reader load again
        entry = new Entry<>(value, current, now);
        return value;
    }

    /** The data changed (or is about to, in the current transaction): read it again. */
    public void changed() {
        generation.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ReferenceCache.this);
                    generation.incrementAndGet();
                }
            });
        }
    }
}
