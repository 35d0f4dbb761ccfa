package org.playerdesk.ticket.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffUser;
import org.playerdesk.ticket.TicketPresence;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Working a ticket beside colleagues: the ticket page says every few seconds that it is open and
 * whether its reply box holds a draft, and is answered who else is on the ticket and what was
 * written since it was opened (a fragment of {@code ticket/presence}); the note box asks whom it
 * may mention.
 */
@Controller
@RequestMapping("/console/tickets/{id}")
class TicketPresenceController {

    static final int UNSEEN_MAX = 20;

    private final ConsoleTickets tickets;
    private final TicketPresence presence;
    private final TicketQueries queries;
    private final StaffDirectory staff;

    TicketPresenceController(ConsoleTickets tickets, TicketPresence presence, TicketQueries queries,
            StaffDirectory staff) {
        this.tickets = tickets;
        this.presence = presence;
        this.queries = queries;
        this.staff = staff;
    }

    /** The page is open; {@code seen} is the last message it shows. */
    @PostMapping("/presence")
    String here(@PathVariable UUID id, @RequestParam(defaultValue = "") String activity,
            @RequestParam(defaultValue = "") String seen, @AuthenticationPrincipal StaffUser me, Model model) {
        tickets.visible(id, me);
        TicketPresence.Activity doing = InboxQuery.coded(TicketPresence.Activity.class, activity);
        model.addAttribute("others", presence.here(id, me.id(), me.displayName(),
                doing == null ? TicketPresence.Activity.VIEWING : doing));
        UUID lastSeen = uuid(seen);
        model.addAttribute("unseen", lastSeen == null ? List.of()
                : Unseen.of(queries.unseenBy(id, lastSeen, me.id(), UNSEEN_MAX)));
        return "ticket/presence :: live";
    }

    /** The page was closed or left. */
    @PostMapping("/presence/leave")
    ResponseEntity<Void> left(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me) {
        tickets.visible(id, me);
        presence.left(id, me.id());
        return ResponseEntity.noContent().build();
    }

    /** Someone who may be mentioned in a note: the user name to write, the name to show. */
    record Mentionable(String username, String name) {
    }

    /** The colleagues who serve the ticket's game, by name: whom a note on it may mention. */
    @GetMapping(path = "/colleagues", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Mentionable> colleagues(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me) {
        TicketView ticket = tickets.visible(id, me);
        return staff.servingGame(ticket.gameId()).stream()
                .filter(member -> !member.id().equals(me.id()))
                .map(member -> new Mentionable(member.username(), member.displayName()))
                .sorted(Comparator.comparing(Mentionable::name).thenComparing(Mentionable::username))
                .toList();
    }

    static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
