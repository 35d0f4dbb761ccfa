package org.playerdesk.ticket.web;

import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * The one gate between a member of staff and a ticket: a ticket of a game they do not serve is
 * answered exactly like a ticket that does not exist, so nobody can probe other games' tickets.
 */
@Component
class ConsoleTickets {

    private final TicketQueries queries;

    ConsoleTickets(TicketQueries queries) {
        this.queries = queries;
    }

    TicketView visible(UUID ticketId, StaffUser me) {
        TicketView ticket = queries.head(ticketId);
        if (!me.serves(ticket.gameId())) {
            throw new NotFoundException("ticket", ticketId);
        }
        return ticket;
    }

    static Actor actor(StaffUser me) {
        return Actor.agent(me.id(), me.displayName());
    }
}
