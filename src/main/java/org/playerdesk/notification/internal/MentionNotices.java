package org.playerdesk.notification.internal;

import java.util.List;

import org.playerdesk.notification.Notice;
import org.playerdesk.notification.Notifications;
import org.playerdesk.ticket.TicketEvents.StaffMentioned;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a colleague in the console that they were mentioned in an internal note; the notice
 * leads to the note on the ticket page. An event handed over again tells them once.
 */
@Component
class MentionNotices {

    static final String KIND = "ticket.mention";

    private final Notifications notifications;
    private final TicketQueries tickets;

    MentionNotices(Notifications notifications, TicketQueries tickets) {
        this.notifications = notifications;
        this.tickets = tickets;
    }

    @ApplicationModuleListener
    void on(StaffMentioned mentioned) {
        TicketView ticket = tickets.head(mentioned.ticketId());
        notifications.sendOnce(mentioned.staffId(), new Notice(KIND, "notification.mention",
                List.of(mentioned.byName(), String.valueOf(ticket.number()), ticket.subject()),
                link(mentioned), ticket.id()));
    }

    /** The note itself on the ticket page. */
    static String link(StaffMentioned mentioned) {
        return "/console/tickets/" + mentioned.ticketId() + "#message-" + mentioned.messageId();
    }
}
