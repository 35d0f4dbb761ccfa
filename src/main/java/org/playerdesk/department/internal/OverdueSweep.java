package org.playerdesk.department.internal;

import org.playerdesk.department.Transfers;
import org.playerdesk.system.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Marks questions past their answer deadline overdue, every {@code playerdesk.departments.sweep-interval}. */
@Component
class OverdueSweep {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

    private final Transfers transfers;

    OverdueSweep(Transfers transfers) {
        this.transfers = transfers;
    }

    @Scheduled(initialDelayString = "${playerdesk.departments.sweep-interval:1m}",
            fixedDelayString = "${playerdesk.departments.sweep-interval:1m}")
    void sweep() {
        DatabaseUnavailable.tolerate(log, "Department deadlines not checked yet", () -> {
            int marked = transfers.markOverdue();
            if (marked > 0) {
                log.info("{} department questions are overdue", marked);
            }
        });
    }
}
