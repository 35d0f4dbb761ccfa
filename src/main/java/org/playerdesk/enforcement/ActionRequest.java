package org.playerdesk.enforcement;

import java.util.UUID;

/**
 * An agent asks for an action on a game account. {@code ticketId} is the ticket it is for (null
 * from the GM view); {@code amount} is the currency of a compensation; {@code days} the length of
 * a ban (null: permanent). {@code requestKey} is made once when the form is shown, so that a
 * double submit or a retry finds the first request instead of making a second one; null makes one.
 */
public record ActionRequest(UUID gameId, UUID ticketId, String accountId, String kind, Long amount, Integer days,
        String reason, String requestKey) {
}
