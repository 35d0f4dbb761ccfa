package org.playerdesk.workforce.internal.handover;

import java.util.Optional;
import java.util.UUID;

import org.playerdesk.workforce.Handovers;
import org.playerdesk.workforce.PresenceState;
import org.playerdesk.workforce.internal.presence.LeavingCheck;
import org.springframework.stereotype.Component;

/**
 * 接班人未到岗，交班人不得离台: an agent who has submitted a handover stays at the desk (cannot take
 * a break, go away or offline of their own choice) until the incoming agents acknowledge it or a
 * lead releases them.
 */
@Component
class WaitingForHandover implements LeavingCheck {

    private final Handovers handovers;

    WaitingForHandover(Handovers handovers) {
        this.handovers = handovers;
    }

    @Override
    public Optional<String> refusal(UUID staffId, PresenceState from, PresenceState to) {
        return handovers.waitingFor(staffId) ? Optional.of(Handovers.WAITING) : Optional.empty();
    }
}
