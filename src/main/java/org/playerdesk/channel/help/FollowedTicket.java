package org.playerdesk.channel.help;

import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.TicketView;

/** A ticket opened through its private link: the link is genuine and belongs to this game. */
record FollowedTicket(GameInfo game, TicketView ticket, String token) {

    /** The link's path within the application, for redirects back to the page. */
    String path() {
        return HelpPaths.ticket(game.code(), token);
    }
}
