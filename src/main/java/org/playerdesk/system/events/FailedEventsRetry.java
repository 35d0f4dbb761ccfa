package org.playerdesk.system.events;

import org.playerdesk.system.database.DatabaseUnavailable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands failed event publications to their listeners again while the node runs, not only at
 * its next start. A listener that meets a database outage cannot even record its failure, so its
 * publication stays "published" or "processing"; Spring Modulith marks such a publication failed
 * once it is older than {@code spring.modulith.events.staleness.*}, and this retries failed
 * publications every {@code playerdesk.events.retry-interval}. Not while events still wait for a
 * worker ({@link EventWorkers}): in a burst an event can wait longer than the staleness limit, and
 * handing it over again would run its listener twice.
 */
@Component
class FailedEventsRetry {

    private static final Logger log = LoggerFactory.getLogger(FailedEventsRetry.class);

    private final FailedEventPublications failed;
    private final EventWorkers workers;

    FailedEventsRetry(FailedEventPublications failed, EventWorkers workers) {
        this.failed = failed;
        this.workers = workers;
    }

    @Scheduled(initialDelayString = "${playerdesk.events.retry-interval:1m}",
            fixedDelayString = "${playerdesk.events.retry-interval:1m}")
    void retry() {
        if (workers.waiting() > 0) {
            return;
        }
        DatabaseUnavailable.tolerate(log, "Failed events not retried yet",
                () -> failed.resubmit(ResubmissionOptions.defaults()));
    }
}
