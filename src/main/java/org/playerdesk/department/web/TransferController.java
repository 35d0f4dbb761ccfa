package org.playerdesk.department.web;

import java.util.Locale;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.department.Transfers;
import org.playerdesk.system.errors.ConsoleProblems;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sending a ticket to a department with a question, from the ticket page. */
@Controller
@PreAuthorize("hasAuthority('WORK_TICKETS')")
class TransferController {

    private final Transfers transfers;
    private final ConsoleProblems problems;

    TransferController(Transfers transfers, ConsoleProblems problems) {
        this.transfers = transfers;
        this.problems = problems;
    }

    @PostMapping("/console/tickets/{id}/departments")
    String ask(@PathVariable UUID id, @RequestParam(defaultValue = "") String department,
            @RequestParam(defaultValue = "") String question, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        problems.attempt(() -> transfers.ask(id, Forms.uuid(department), question, me.member()),
                "department.notice.asked", locale, redirect);
        return "redirect:/console/tickets/" + id;
    }
}
