package org.playerdesk.outreach.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.playerdesk.system.database.DatabaseUnavailable;
import org.playerdesk.system.entity.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgets the gateway's ids of inbound texts ({@code outreach_sms_inbound}) older than the reply
 * window: a text that old would not be matched to a campaign any more, so a repeat of it no longer
 * needs recognising. Every {@code playerdesk.outreach.sms.purge-interval} the node that takes the
 * purge's lease (one at a time, of all nodes) deletes them oldest first,
 * {@code playerdesk.outreach.sms.purge-batch} rows per transaction, until none is left.
 */
@Component
class InboundPurge {

    static final String LEASE = "sms-inbound-purge";
    private static final Logger log = LoggerFactory.getLogger(InboundPurge.class);
    private static final Duration LEASE_LENGTH = Duration.ofMinutes(10);

    private final CampaignStore store;
    private final OutreachProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + Ids.next();

    InboundPurge(CampaignStore store, OutreachProperties properties, PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${playerdesk.outreach.sms.purge-interval:1h}",
            fixedDelayString = "${playerdesk.outreach.sms.purge-interval:1h}")
    void scheduled() {
        DatabaseUnavailable.tolerate(log, "Inbound SMS ids not purged yet", this::run);
    }

    /** Purges on this node unless another node holds the lease; answers how many rows went (-1: leased elsewhere). */
    int run() {
        return run(properties.sms().purgeBatch());
    }

    int run(int batch) {
        String holder = node + "/" + Ids.next();
        Instant now = clock.instant();
        if (!Boolean.TRUE.equals(transaction.execute(s -> store.lease(LEASE, holder, now, LEASE_LENGTH)))) {
            return -1;
        }
        Instant before = now.minus(properties.sms().replyWindow());
        int total = 0;
        try {
            int purged;
            do {
                purged = transaction.execute(s -> {
                    store.lease(LEASE, holder, clock.instant(), LEASE_LENGTH);
                    return store.purgeInbound(before, batch);
                });
                total += purged;
            } while (purged == batch);
        } finally {
            transaction.executeWithoutResult(s -> store.release(LEASE, holder));
        }
        if (total > 0) {
            log.info("Purged {} ids of inbound SMS received before {}", total, before);
        }
        return total;
    }
}
