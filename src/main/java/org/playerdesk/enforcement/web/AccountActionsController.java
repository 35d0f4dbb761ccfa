package org.playerdesk.enforcement.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.enforcement.AccountActions;
import org.playerdesk.enforcement.ActionRequest;
import org.playerdesk.enforcement.ActionView;
import org.playerdesk.enforcement.GroupSanctionView;
import org.playerdesk.enforcement.GroupSanctions;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Asking for account actions from a ticket, and the approvals page: supervisors approve or reject
 * what is above an agent's limit (a held group sanction as one request, its bans not listed one by
 * one); everyone sees what they asked for and how it ended.
 */
@Controller
@PreAuthorize("hasAuthority('WORK_TICKETS')")
class AccountActionsController {

    private final AccountActions actions;
    private final TicketQueries tickets;
    private final PlayerDirectory players;
    private final ConsoleProblems problems;
    private final GroupSanctions groups;

    AccountActionsController(AccountActions actions, TicketQueries tickets, PlayerDirectory players,
            ConsoleProblems problems, GroupSanctions groups) {
        this.groups = groups;
        this.actions = actions;
        this.tickets = tickets;
        this.players = players;
        this.problems = problems;
    }

    @PostMapping("/console/tickets/{id}/account-actions")
    String request(@PathVariable UUID id, @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) String amount, @RequestParam(required = false) String days,
            @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String requestKey,
            @RequestParam(required = false) String currency, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        TicketView ticket = visible(id, me);
        String accountId = players.get(ticket.playerId()).accountId();
        outcome(() -> actions.request(new ActionRequest(ticket.gameId(), id, accountId, kind, number(amount, "amount"),
                days == null || days.isBlank() ? null : number(days, "days").intValue(), reason, requestKey,
                currency), me.member()), locale, redirect);
        return "redirect:/console/tickets/" + id;
    }

    @GetMapping("/console/approvals")
    String approvals(@AuthenticationPrincipal StaffUser me, Locale locale, Model model) {
        List<GroupSanctionView> pendingGroups = me.can(Permission.ASSIGN_OTHERS) ? groups.awaitingApproval(me.member())
                : List.of();
        Set<UUID> heldInGroups = pendingGroups.stream().flatMap(g -> g.actionIds().stream()).collect(Collectors.toSet());
        List<ActionView> pending = me.can(Permission.ASSIGN_OTHERS) ? actions.awaitingApproval(me.member()).stream()
                .filter(a -> !heldInGroups.contains(a.id())).toList() : List.of();
        List<ActionView> mine = actions.requestedBy(me.id(), 50);
        java.util.Map<UUID, String> amounts = new java.util.HashMap<>();
        java.util.stream.Stream.concat(pending.stream(), mine.stream()).filter(a -> a.amount() != null)
                .forEach(a -> amounts.put(a.id(), actions.amount(a, locale)));
        model.addAttribute("pending", pending);
        model.addAttribute("pendingGroups", pendingGroups);
        model.addAttribute("myGroups", groups.requestedBy(me.id(), 20));
        model.addAttribute("mine", mine);
        model.addAttribute("amounts", amounts);
        model.addAttribute("supervisor", me.can(Permission.ASSIGN_OTHERS));
        return "enforcement/approvals";
    }

    @PostMapping("/console/approvals/{actionId}/approve")
    @PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
    String approve(@PathVariable UUID actionId, @RequestParam(defaultValue = "") String comment,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        return decide(() -> actions.approve(actionId, me.member(), comment), locale, redirect);
    }

    @PostMapping("/console/approvals/{actionId}/reject")
    @PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
    String reject(@PathVariable UUID actionId, @RequestParam(defaultValue = "") String comment,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        return decide(() -> actions.reject(actionId, me.member(), comment), locale, redirect);
    }

    @PostMapping("/console/approvals/{actionId}/retry")
    String retry(@PathVariable UUID actionId, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        return decide(() -> actions.retry(actionId, me.member()), locale, redirect);
    }

    private String decide(java.util.function.Supplier<ActionView> decision, Locale locale,
            RedirectAttributes redirect) {
        outcome(decision, locale, redirect);
        return "redirect:/console/approvals";
    }

    /** Runs the command; the notice says the state the action reached. */
    private void outcome(java.util.function.Supplier<ActionView> command, Locale locale, RedirectAttributes redirect) {
        ActionView view = problems.attempt(command, "gm.notice.requested", locale, redirect);
        if (view != null) {
            redirect.addFlashAttribute("notice", "gm.notice." + view.state().code());
        }
    }

    private TicketView visible(UUID id, StaffUser me) {
        TicketView ticket = tickets.head(id);
        if (!me.serves(ticket.gameId())) {
            throw new AccessDeniedException("not a game of this member of staff");
        }
        return ticket;
    }

    /** A number typed into a form; what is not one is refused by the field's name. */
    static Long number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of(field, "invalid.wholeNumber");
        }
    }
}
