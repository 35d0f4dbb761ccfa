package org.playerdesk.ticket.internal;

import org.playerdesk.system.database.DatabaseUnavailable;
import org.playerdesk.ticket.TicketPresence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the presence rows of ticket pages that stopped saying they are open. They no longer
 * count as soon as they expire; this only keeps the table small. Every node may run it at once.
 */
@Component
class PresencePruning {

    private static final Logger log = LoggerFactory.getLogger(PresencePruning.class);

    private final TicketPresence presence;

    PresencePruning(TicketPresence presence) {
        this.presence = presence;
    }

    @Scheduled(initialDelayString = "${playerdesk.retention.interval:1m}",
            fixedDelayString = "${playerdesk.retention.interval:1m}")
    void run() {
        DatabaseUnavailable.tolerate(log, "Ticket presence not pruned yet", presence::forgetTheGone);
    }
}
