/**
 * Tickets (工单): a player's request to support, with its conversation (public replies and
 * internal notes), attachments, tags, assignee, status and the full history of who changed what.
 * {@link org.playerdesk.ticket.TicketDesk} changes tickets, {@link org.playerdesk.ticket.TicketQueries}
 * reads them; every change is published as an event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ticket")
package org.playerdesk.ticket;
