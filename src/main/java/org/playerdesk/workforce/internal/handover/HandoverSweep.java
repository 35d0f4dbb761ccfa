package org.playerdesk.workforce.internal.handover;

import org.playerdesk.system.database.DatabaseUnavailable;
import org.playerdesk.workforce.Handovers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code playerdesk.workforce.handover.sweep-interval}: alerts the on-duty lead of each
 * handover not acknowledged by the end of its window. Safe on several nodes: each alert is claimed
 * by a conditional update of the handover's state.
 */
@Component
class HandoverSweep {

    private static final Logger log = LoggerFactory.getLogger(HandoverSweep.class);

    private final Handovers handovers;

    HandoverSweep(Handovers handovers) {
        this.handovers = handovers;
    }

    @Scheduled(initialDelayString = "${playerdesk.workforce.handover.sweep-interval:1m}",
            fixedDelayString = "${playerdesk.workforce.handover.sweep-interval:1m}")
    void sweep() {
        DatabaseUnavailable.tolerate(log, "Overdue handovers not alerted yet", () -> {
            int alerted = handovers.alertOverdue();
            if (alerted > 0) {
                log.info("{} handovers not acknowledged in their window; the on-duty leads were alerted", alerted);
            }
        });
    }
}
