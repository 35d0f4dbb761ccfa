package org.playerdesk.enforcement;

import java.time.Instant;
import java.util.UUID;

/** An account action as the ticket page, the approvals page and other modules see it. */
public record ActionView(UUID id, UUID gameId, UUID ticketId, String accountId, ActionKind kind, Long amount,
        Integer days, String reason, ActionState state, UUID requestedBy, String requestedByName,
        Instant requestedAt, String decidedByName, String decisionComment, Instant decidedAt,
        String resultReference, String resultMessage, Instant doneAt) {

    public boolean pending() {
        return state == ActionState.PENDING_APPROVAL;
    }
}
