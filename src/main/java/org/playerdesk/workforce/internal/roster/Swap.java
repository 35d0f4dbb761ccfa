package org.playerdesk.workforce.internal.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A request that two agents exchange their shifts on a date; see {@link SwapState}. */
public record Swap(UUID id, UUID requesterId, UUID colleagueId, LocalDate date, String reason, SwapState state,
        Instant requestedAt, UUID decidedBy, Instant decidedAt) {

    public boolean involves(UUID staffId) {
        return requesterId.equals(staffId) || colleagueId.equals(staffId);
    }

    public UUID other(UUID staffId) {
        return requesterId.equals(staffId) ? colleagueId : requesterId;
    }
}
