package org.playerdesk.workforce.internal.handover;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a handover needs to know of shifts, and nothing more: the outgoing agent's shift, who comes
 * on after it, and who leads the shift now. Kept narrow so that its source can change (today
 * routing's weekly shifts, {@link RoutingShiftTimes}; later the workforce rosters) without the
 * handover noticing.
 */
public interface ShiftTimes {

    /** A shift from {@code start} (inclusive) to {@code end} (exclusive). */
    record ShiftSpan(Instant start, Instant end) {
    }

    /**
     * The agent's shift under way at {@code at}, or the one that ended within the handover window
     * before it (an agent filing a few minutes late); empty when the agent has no rostered shift
     * then (no roster at all, or off duty).
     */
    Optional<ShiftSpan> currentShift(UUID staffId, Instant at);

    /**
     * The agents of the shift that follows: those whose own shift starts within the handover
     * window either side of {@code shiftEnd}, from the outgoing agent's teams when any of them
     * comes on, else from the staff of the outgoing agent's games; never the outgoing agent.
     */
    List<UUID> incoming(UUID outgoingId, Instant shiftEnd);

    /**
     * Who leads the outgoing agent's shift at {@code at} (值班长), to be alerted: the leads of the
     * agent's teams on shift then, else the leads of the agent's teams, else the supervisors of the
     * agent's games (the administrators when a game has none). Never empty while anyone leads.
     */
    List<UUID> onDutyLeads(UUID staffId, Instant at);
}
