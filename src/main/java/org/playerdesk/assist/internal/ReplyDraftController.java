package org.playerdesk.assist.internal;

import java.util.List;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Draft a reply" beside a ticket, when an OpenAI-compatible endpoint is configured
 * ({@code playerdesk.assist.reply-suggestions.url}): the player's latest message goes there, the
 * draft comes back into the panel, and the agent inserts it into the reply box, edits and sends it
 * as any reply. Nothing is sent to the player by itself.
 */
@Controller
class ReplyDraftController {

    private final TicketQueries tickets;
    private final ReplySuggestions suggestions;

    ReplyDraftController(TicketQueries tickets, ReplySuggestions suggestions) {
        this.tickets = tickets;
        this.suggestions = suggestions;
    }

    @PostMapping("/console/tickets/{id}/assist/draft")
    String draft(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model) {
        if (!suggestions.enabled()) {
            throw new NotFoundException("ticket", id);
        }
        TicketDetails details = tickets.details(id, true);
        if (!me.serves(details.ticket().gameId())) {
            throw new NotFoundException("ticket", id);
        }
        model.addAttribute("draft", suggestions.draft(latestFromPlayer(details.messages())).orElse(null));
        return "assist/draft :: draft";
    }

    /** A ticket the member may not see, or drafts switched off: nothing there. */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Void> notFound() {
        return ResponseEntity.notFound().build();
    }

    static String latestFromPlayer(List<MessageView> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            MessageView message = messages.get(i);
            if (message.authorKind() == Actor.Kind.PLAYER && message.body() != null && !message.body().isBlank()) {
                return message.body();
            }
        }
        return null;
    }
}
