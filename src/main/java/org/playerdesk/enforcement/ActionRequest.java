package org.playerdesk.enforcement;

import java.util.UUID;

/**
 * An agent asks for an action on a game account. {@code ticketId} is the ticket it is for (null
 * from the GM view); {@code amount} is the currency of a compensation; {@code days} the length of
 * a ban (null: permanent); {@code currency} the code of the compensation's currency or item, one of
 * the game's (null: the primary currency). {@code requestKey} is made once when the form is shown, so that a
 * double submit or a retry finds the first request instead of making a second one; null makes one.
 */
public record ActionRequest(UUID gameId, UUID ticketId, String accountId, String kind, Long amount, Integer days,
        String reason, String requestKey, String currency) {

    /** A request in the game's primary currency (or one that gives none). */
    public ActionRequest(UUID gameId, UUID ticketId, String accountId, String kind, Long amount, Integer days,
            String reason, String requestKey) {
        this(gameId, ticketId, accountId, kind, amount, days, reason, requestKey, null);
    }
}
