package org.playerdesk.channel;

import java.util.Optional;
import java.util.UUID;

/**
 * The campaign messages a game may say a player answered (docs/api.md, {@code campaignMessage}):
 * the game names the message by the {@code Idempotency-Key} it got with the connector's
 * {@code message} action. Implemented by the campaigns module (outreach), which depends on this
 * module and not the other way round; both calls run in the caller's transaction, the ticket's.
 */
public interface CampaignMessages {

    /** A campaign message a player answers: its name in the campaigns module and the campaign's name. */
    record Answered(UUID recipientId, String campaign) {
    }

    /** The in-game campaign message of this game to this account the key names, if there is one. */
    Optional<Answered> inGame(UUID gameId, String accountId, String messageKey);

    /** The player answered the message with this ticket: the message is marked replied, linked to it. */
    void answered(UUID recipientId, UUID ticketId);
}
