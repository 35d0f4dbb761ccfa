package org.playerdesk.enforcement;

import java.time.Instant;
import java.util.UUID;

/**
 * An account action as the ticket page, the approvals page and other modules see it. {@code currency}
 * is the code of the compensation's currency or item (null: the game's primary currency);
 * {@code holdReason} says which rule, beyond the asker's limit, holds it for approval
 * ({@link #PARTNER}: lifting a partner-channel player's ban), null when none did.
 */
public record ActionView(UUID id, UUID gameId, UUID ticketId, String accountId, ActionKind kind, Long amount,
        Integer days, String reason, ActionState state, UUID requestedBy, String requestedByName,
        Instant requestedAt, String decidedByName, String decisionComment, Instant decidedAt,
        String resultReference, String resultMessage, Instant doneAt, String currency, String holdReason) {

    public static final String PARTNER = "partner";

    public boolean pending() {
        return state == ActionState.PENDING_APPROVAL;
    }
}
