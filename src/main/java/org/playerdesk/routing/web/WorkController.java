package org.playerdesk.routing.web;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.routing.Escalations;
import org.playerdesk.routing.NextTicket;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An agent's routing actions: "Next" (take the most urgent waiting ticket of my queues and open
 * it), escalate a ticket one level up its path with a reason, and a supervisor's hand back.
 */
@Controller
@PreAuthorize("hasAuthority('WORK_TICKETS')")
class WorkController {

    private final NextTicket next;
    private final Escalations escalations;
    private final TicketQueries tickets;
    private final ConsoleProblems problems;

    WorkController(NextTicket next, Escalations escalations, TicketQueries tickets, ConsoleProblems problems) {
        this.next = next;
        this.escalations = escalations;
        this.tickets = tickets;
        this.problems = problems;
    }

    @PostMapping("/console/tickets/next")
    String next(@AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        try {
            Optional<TicketView> taken = next.next(me.member());
            if (taken.isPresent()) {
                redirect.addFlashAttribute("notice", "routing.notice.next");
                return "redirect:/console/tickets/" + taken.get().id();
            }
            redirect.addFlashAttribute("notice", "routing.next.none");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("problem", problems.describe(refused, locale));
        }
        return "redirect:/console/tickets";
    }

    @PostMapping("/console/tickets/{id}/escalate")
    String escalate(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        visible(id, me);
        problems.attempt(() -> escalations.escalate(id, reason, Actor.agent(me.id(), me.displayName())),
                "routing.notice.escalated", locale, redirect);
        return "redirect:/console/tickets/" + id;
    }

    @PostMapping("/console/tickets/{id}/hand-back")
    @PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
    String handBack(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        visible(id, me);
        problems.attempt(() -> escalations.handBack(id, reason, me.member()), "routing.notice.handedBack", locale,
                redirect);
        return "redirect:/console/tickets/" + id;
    }

    /** A ticket of a game the member does not serve does not exist for them. */
    private TicketView visible(UUID id, StaffUser me) {
        TicketView ticket = tickets.head(id);
        if (!me.serves(ticket.gameId())) {
            throw new NotFoundException("ticket", id);
        }
        return ticket;
    }
}
