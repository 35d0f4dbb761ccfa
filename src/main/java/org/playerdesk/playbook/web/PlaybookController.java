package org.playerdesk.playbook.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.playerdesk.access.StaffUser;
import org.playerdesk.playbook.Playbooks;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Running a procedure on a ticket: start it, set the reported time, record each step, send the notice. */
@Controller
@RequestMapping("/console/tickets/{id}/playbook")
@PreAuthorize("hasAuthority('WORK_TICKETS')")
class PlaybookController {

    private final Playbooks playbooks;
    private final TicketQueries tickets;
    private final ConsoleProblems problems;

    PlaybookController(Playbooks playbooks, TicketQueries tickets, ConsoleProblems problems) {
        this.playbooks = playbooks;
        this.tickets = tickets;
        this.problems = problems;
    }

    @PostMapping("/start")
    String start(@PathVariable UUID id, @RequestParam(defaultValue = "") String playbookId,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        visible(id, me);
        return attempt(id, locale, redirect, "pb.notice.started",
                () -> playbooks.start(id, uuid(playbookId, "playbookId"), me.member()));
    }

    @PostMapping("/reported-at")
    String reportedAt(@PathVariable UUID id, @RequestParam(defaultValue = "") String reportedAt,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        visible(id, me);
        return attempt(id, locale, redirect, "pb.notice.saved",
                () -> playbooks.reportedAt(id, time(reportedAt), me.member()));
    }

    @PostMapping("/steps/{stepId}")
    String step(@PathVariable UUID id, @PathVariable UUID stepId, @RequestParam(defaultValue = "") String outcome,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        visible(id, me);
        return attempt(id, locale, redirect, "pb.notice.stepDone",
                () -> playbooks.completeStep(id, stepId, outcome, me.member()));
    }

    @PostMapping("/finish")
    String finish(@PathVariable UUID id, @RequestParam(defaultValue = "") String outcome,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        visible(id, me);
        return attempt(id, locale, redirect, "pb.notice.finished", () -> playbooks.finish(id, outcome, me.member()));
    }

    private String attempt(UUID id, Locale locale, RedirectAttributes redirect, String notice, Supplier<?> action) {
        problems.attempt(action, notice, locale, redirect);
        return "redirect:/console/tickets/" + id;
    }

    private void visible(UUID id, StaffUser me) {
        if (!me.serves(tickets.head(id).gameId())) {
            throw new AccessDeniedException("not a game of this member of staff");
        }
    }

    private static UUID uuid(String text, String field) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, "invalid.id");
        }
    }

    /** A datetime-local field, read in the server's time zone (the one the page shows times in). */
    private static Instant time(String text) {
        try {
            return LocalDateTime.parse(text.strip()).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("reportedAt", "invalid.dateTime");
        }
    }
}
