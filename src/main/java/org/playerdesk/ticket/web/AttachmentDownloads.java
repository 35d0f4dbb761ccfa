package org.playerdesk.ticket.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.system.NotFoundException;
import org.playerdesk.ticket.AttachmentView;
import org.playerdesk.ticket.StoredAttachment;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
        StoredAttachment stored = queries.attachment(ticketId, attachmentId, true);
        if (!Files.isRegularFile(stored.file())) {
            throw new NotFoundException("attachment", attachmentId);
        }
        AttachmentView attachment = stored.attachment();
        ContentDisposition disposition = (attachment.isImage() ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(attachment.fileName(), StandardCharsets.UTF_8).build();
        MediaType type = MediaType.parseMediaType(attachment.contentType());
        if ("text".equals(type.getType())) {
            type = new MediaType(type, StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(attachment.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(new FileSystemResource(stored.file()));
    }
}
