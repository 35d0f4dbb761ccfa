package org.playerdesk.ticket.web;

import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.ticket.AttachmentDownload;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Attachments as staff open them. A file came from a player, so the browser is told exactly what
 * it is (never to guess), and anything it shows runs sandboxed: a file cannot act as a page of
 * the console.
 */
@Controller
class AttachmentDownloads {

    private final ConsoleTickets tickets;
    private final TicketQueries queries;

    AttachmentDownloads(ConsoleTickets tickets, TicketQueries queries) {
        this.tickets = tickets;
        this.queries = queries;
    }

    @GetMapping("/console/tickets/{ticketId}/attachments/{attachmentId}")
    ResponseEntity<Resource> download(@PathVariable UUID ticketId, @PathVariable UUID attachmentId,
            @AuthenticationPrincipal StaffUser me) {
        tickets.visible(ticketId, me);
        return AttachmentDownload.of(queries.attachment(ticketId, attachmentId, true));
    }
}
