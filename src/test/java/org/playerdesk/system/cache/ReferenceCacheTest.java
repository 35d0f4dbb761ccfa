package org.playerdesk.system.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ReferenceCacheTest {

    private final AtomicInteger loads = new AtomicInteger();

    private Integer load() {
        return loads.incrementAndGet();
    }

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void keepsTheListUntilItChanges() {
        ReferenceCache<Integer> cache = new ReferenceCache<>(Duration.ofHours(1));
        assertThat(cache.get(this::load)).isEqualTo(1);
        assertThat(cache.get(this::load)).isEqualTo(1);

        cache.changed();
        assertThat(cache.get(this::load)).isEqualTo(2);
        assertThat(cache.get(this::load)).isEqualTo(2);
    }

    @Test
    void aListLoadedBeforeTheChangingTransactionEndedIsLoadedAgainAfterIt() throws Exception {
        ReferenceCache<Integer> cache = new ReferenceCache<>(Duration.ofHours(1));
        cache.get(this::load);
        TransactionSynchronizationManager.initSynchronization();
        cache.changed();
        // another reader, in a transaction of its own, loads while the change is not yet committed:
        // it may see the old rows, and keeps them only until the change is committed
        assertThat(elsewhere(cache)).isEqualTo(2);
        assertThat(elsewhere(cache)).isEqualTo(2);

        endTransaction(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(elsewhere(cache)).isEqualTo(3);
        assertThat(cache.get(this::load)).isEqualTo(3);
    }

    @Test
    void theChangingTransactionReadsItsOwnChangesNeverWhatAnotherReaderKeptMeanwhile() throws Exception {
        ReferenceCache<Integer> cache = new ReferenceCache<>(Duration.ofHours(1));
        cache.get(this::load);
        TransactionSynchronizationManager.initSynchronization();
        cache.changed();
        // kept by another reader after the change was announced, without the uncommitted row
        assertThat(elsewhere(cache)).isEqualTo(2);

        assertThat(cache.get(this::load)).as("read afresh inside the changing transaction").isEqualTo(3);
        assertThat(cache.get(this::load)).isEqualTo(4);

        endTransaction(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(TransactionSynchronizationManager.hasResource(cache)).isFalse();
        assertThat(cache.get(this::load)).as("loaded again once the transaction ended").isEqualTo(5);
        assertThat(cache.get(this::load)).isEqualTo(5);
    }

    /** Reads the cache on another thread, as a request outside the changing transaction would. */
    private Integer elsewhere(ReferenceCache<Integer> cache) throws Exception {
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            return other.submit(() -> cache.get(this::load)).get();
        }
    }

    private static void endTransaction(int status) {
        for (TransactionSynchronization each : TransactionSynchronizationManager.getSynchronizations()) {
            each.afterCompletion(status);
        }
        TransactionSynchronizationManager.clearSynchronization();
    }

    @Test
    void whatOtherNodesChangeIsSeenOnceTheListIsOlderThanItsKeep() {
        ReferenceCache<Integer> cache = new ReferenceCache<>(Duration.ZERO);
        assertThat(cache.get(this::load)).isEqualTo(1);
        assertThat(cache.get(this::load)).isEqualTo(2);
    }
}
