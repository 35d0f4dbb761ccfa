package org.playerdesk.workforce.internal.roster;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.routing.ShiftSource;
import org.playerdesk.workforce.Rosters;
import org.springframework.stereotype.Component;

/**
 * Routing asks the rosters who is on shift: an agent on a pattern (their own or their team's) gets
 * work only during a rostered shift, from its start (the handover window before it is for the
 * handover, not for new work) to its end; agents without a roster are left to routing's weekly
 * shifts.
 */
@Component
class RosterShiftSource implements ShiftSource {

    private final Rosters rosters;

    RosterShiftSource(Rosters rosters) {
        this.rosters = rosters;
    }

    @Override
    public Map<UUID, Boolean> onShift(Collection<UUID> staffIds, Instant at) {
        return rosters.onShift(staffIds, at);
    }
}
