package org.playerdesk.workforce.internal.presence;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.routing.WorkPause;
import org.springframework.stereotype.Component;

/**
 * Routing gives no new ticket to an agent on a break, away or offline. Someone who never chose a
 * state is not kept from work (installations and clients from before presence existed).
 */
@Component
class RoutingPause implements WorkPause {

    private final PresenceLedger ledger;

    RoutingPause(PresenceLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Set<UUID> pausedAmong(Collection<UUID> staffIds, Instant at) {
        return ledger.states(staffIds).values().stream().filter(view -> view.state().pausesWork())
                .map(view -> view.staffId()).collect(Collectors.toSet());
    }
}
