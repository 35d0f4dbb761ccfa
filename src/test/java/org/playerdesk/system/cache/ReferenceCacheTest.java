package org.playerdesk.system.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
    void aListLoadedBeforeTheChangingTransactionEndedIsLoadedAgainAfterIt() {
        ReferenceCache<Integer> cache = new ReferenceCache<>(Duration.ofHours(1));
        cache.get(this::load);
        TransactionSynchronizationManager.initSynchronization();
        cache.changed();
        // another reader loads while the change is not yet committed: it may see the old rows
        assertThat(cache.get(this::load)).isEqualTo(2);
        assertThat(cache.get(this::load)).isEqualTo(2);

        for (TransactionSynchronization each : TransactionSynchronizationManager.getSynchronizations()) {
            each.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
        }
        assertThat(cache.get(this::load)).isEqualTo(3);
    }

    @Test
    void whatOtherNodesChangeIsSeenOnceTheListIsOlderThanItsKeep() {
        ReferenceCache<Integer> cache = new ReferenceCache<>(Duration.ZERO);
        assertThat(cache.get(this::load)).isEqualTo(1);
        assertThat(cache.get(this::load)).isEqualTo(2);
    }
}
