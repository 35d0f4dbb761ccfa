package org.playerdesk.crm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The player page: everything about one player, with the whole interaction history across
 * channels; tags and notes by staff; personal data revealed on request (POST, audited) to those
 * allowed. Also a search by account id.
 */
@Controller
@RequestMapping("/console/players")
class PlayerPageController {

    static final int TICKETS = 100;
    static final int DETAILED = 20;
    /** Recent tickets on the live-chat console's player card. */
    static final int CHAT_CARD_TICKETS = 5;

    private final PlayerCards cards;
    private final PlayerProfiles profiles;
    private final PlayerDirectory players;
    private final TicketQueries tickets;
    private final MessageSource messages;

    PlayerPageController(PlayerCards cards, PlayerProfiles profiles, PlayerDirectory players, TicketQueries tickets,
            MessageSource messages) {
        this.cards = cards;
        this.profiles = profiles;
        this.players = players;
        this.tickets = tickets;
        this.messages = messages;
    }

    /** One ticket in the history: how it started and how many messages it holds (for the newest). */
    record HistoryItem(TicketView ticket, String opening, int messages) {
    }

    @GetMapping
    String search(@RequestParam(defaultValue = "") String q, @AuthenticationPrincipal StaffUser me, Model model) {
        List<PlayerSummary> found = players.byIds(players.idsByAccount(me.gameScope(), q)).values().stream().toList();
        if (found.size() == 1) {
            return "redirect:/console/players/" + found.getFirst().id();
        }
        model.addAttribute("q", q);
        model.addAttribute("found", found);
        return "crm/players";
    }

    @GetMapping("/{id}")
    String page(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model) {
        return show(id, me, false, model);
    }

    /**
     * The player of a ticket in brief, for the live-chat console's card beside the conversation:
     * the game account, VIP tier and recent tickets (personal data masked). A fragment of HTML,
     * in the reader's language.
     */
    @GetMapping("/by-ticket/{ticketId}/card")
    String chatCard(@PathVariable UUID ticketId, @AuthenticationPrincipal StaffUser me, Model model) {
        PlayerSummary player = cards.visible(tickets.head(ticketId).playerId(), me);
        model.addAttribute("card", cards.card(player, me, false));
        model.addAttribute("recent", tickets.byPlayer(player.gameId(), player.id(), CHAT_CARD_TICKETS + 1).stream()
                .filter(t -> !t.id().equals(ticketId)).limit(CHAT_CARD_TICKETS).toList());
        return "crm/chat-card :: card";
    }

    /** Reveals personal data: allowed to some roles only, and written to the audit log. */
    @PostMapping("/{id}/reveal")
    String reveal(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model) {
        return show(id, me, true, model);
    }

    @PostMapping("/{id}/tags")
    String tag(@PathVariable UUID id, @RequestParam(defaultValue = "") String tag,
            @AuthenticationPrincipal StaffUser me, Model model, Locale locale, HttpServletResponse response) {
        cards.visible(id, me);
        requireWork(me);
        try {
            profiles.tag(id, tag, me.member());
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("tagError", messages.getMessage("crm.tag.invalid", null, locale));
            model.addAttribute("formTag", tag);
            return show(id, me, false, model);
        }
        return "redirect:/console/players/" + id;
    }

    @PostMapping("/{id}/tags/remove")
    String untag(@PathVariable UUID id, @RequestParam(defaultValue = "") String tag,
            @AuthenticationPrincipal StaffUser me) {
        cards.visible(id, me);
        requireWork(me);
        profiles.untag(id, tag, me.member());
        return "redirect:/console/players/" + id;
    }

    @PostMapping("/{id}/notes")
    String note(@PathVariable UUID id, @RequestParam(defaultValue = "") String body,
            @AuthenticationPrincipal StaffUser me, Model model, Locale locale, HttpServletResponse response) {
        cards.visible(id, me);
        requireWork(me);
        try {
            profiles.note(id, body, me.member());
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("noteError", messages.getMessage("crm.note.invalid",
                    new Object[] {PlayerProfiles.NOTE_MAX}, locale));
            model.addAttribute("formNote", body);
            return show(id, me, false, model);
        }
        return "redirect:/console/players/" + id;
    }

    private static void requireWork(StaffUser me) {
        if (!me.can(Permission.WORK_TICKETS)) {
            throw new AccessDeniedException("may not work on players");
        }
    }

    private String show(UUID id, StaffUser me, boolean reveal, Model model) {
        PlayerSummary player = cards.visible(id, me);
        model.addAttribute("card", cards.card(player, me, reveal));
        List<HistoryItem> history = new ArrayList<>();
        List<TicketView> all = tickets.byPlayer(player.gameId(), player.id(), TICKETS);
        for (int i = 0; i < all.size(); i++) {
            TicketView t = all.get(i);
            if (i < DETAILED) {
                List<MessageView> said = tickets.details(t.id(), true).messages();
                String opening = said.isEmpty() ? "" : said.getFirst().body();
                history.add(new HistoryItem(t, opening.length() > 140 ? opening.substring(0, 140) + "…" : opening,
                        said.size()));
            } else {
                history.add(new HistoryItem(t, null, -1));
            }
        }
        model.addAttribute("history", history);
        model.addAttribute("tierCodes", profiles.tierCodes());
        return "crm/player";
    }

    /** Errors of the player pages as console pages. */
    @ControllerAdvice(assignableTypes = PlayerPageController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Errors {

        @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
        ModelAndView notFound() {
            return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
        }

        @ExceptionHandler(AccessDeniedException.class)
        ModelAndView forbidden() {
            return new ModelAndView("error", Map.of("status", 403), HttpStatus.FORBIDDEN);
        }
    }
}
