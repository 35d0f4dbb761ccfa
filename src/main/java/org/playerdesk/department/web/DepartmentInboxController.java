package org.playerdesk.department.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.playerdesk.access.StaffUser;
import org.playerdesk.department.Transfers;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A department member's worklist: the open questions of their departments, the earliest deadline
 * first (overdue ones marked), each with the ticket's subject, a link to its conversation, and the
 * answer form. Only the department's members may answer (403 for anyone else).
 */
@Controller
class DepartmentInboxController {

    private final Transfers transfers;
    private final ConsoleProblems problems;
    private final DepartmentErrors errors;

    DepartmentInboxController(Transfers transfers, ConsoleProblems problems, DepartmentErrors errors) {
        this.transfers = transfers;
        this.problems = problems;
        this.errors = errors;
    }

    @GetMapping("/console/departments/inbox")
    String inbox(@AuthenticationPrincipal StaffUser me, Model model) {
        model.addAttribute("questions", transfers.worklist(me.id()));
        model.addAttribute("me", me);
        return "department/inbox";
    }

    @PostMapping("/console/departments/requests/{id}/answer")
    String answer(@PathVariable UUID id, @RequestParam(defaultValue = "") String answer,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            transfers.answerAsMember(id, answer, me.member());
            redirect.addFlashAttribute("notice", "department.notice.answered");
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("questions", transfers.worklist(me.id()));
            model.addAttribute("me", me);
            model.addAttribute("failed", id);
            model.addAttribute("draft", answer);
            model.addAttribute("errors", errors.texts(invalid, locale));
            return "department/inbox";
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("problem", problems.describe(refused, locale));
        }
        return "redirect:/console/departments/inbox";
    }
}
