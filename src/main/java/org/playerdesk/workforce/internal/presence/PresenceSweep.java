package org.playerdesk.workforce.internal.presence;

import org.playerdesk.workforce.AgentPresence;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Ends the availability of agents whose consoles have been silent for the grace period; on every node. */
@Component
class PresenceSweep {

    private final AgentPresence presence;

    PresenceSweep(AgentPresence presence) {
        this.presence = presence;
    }

    @Scheduled(initialDelayString = "${playerdesk.workforce.presence.sweep-interval:30s}",
            fixedDelayString = "${playerdesk.workforce.presence.sweep-interval:30s}")
    void sweep() {
        presence.endAbsent();
    }
}
