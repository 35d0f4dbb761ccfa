package org.playerdesk.access.web;

import java.util.Locale;

import org.playerdesk.access.StaffPasswords;
import org.playerdesk.access.StaffUser;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A member's own password: changed in the console (current, then new; required first after a
 * temporary password), or set through a one-time link from an administrator, signed out.
 */
@Controller
class PasswordController {

    private final StaffPasswords passwords;
    private final AdminErrors errors;

    PasswordController(StaffPasswords passwords, AdminErrors errors) {
        this.passwords = passwords;
        this.errors = errors;
    }

    @GetMapping("/console/password")
    String changePage(@AuthenticationPrincipal StaffUser me, Model model) {
        model.addAttribute("temporary", passwords.mustChange(me.id()));
        return "access/password";
    }

    @PostMapping("/console/password")
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String next,
            @RequestParam(defaultValue = "") String confirmation, @AuthenticationPrincipal StaffUser me,
            Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            if (!next.equals(confirmation)) {
                throw InvalidInput.of("confirmation", "invalid.mismatch");
            }
            passwords.changeOwn(me.id(), current, next);
            redirect.addFlashAttribute("notice", "staff.password.changed");
            return "redirect:/console";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors.texts("password", invalid, locale));
            return changePage(me, model);
        }
    }

    @GetMapping("/reset-password")
    String resetPage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        if (passwords.linkHolder(token).isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("invalid", true);
        }
        model.addAttribute("token", token);
        return "access/reset-password";
    }

    @PostMapping("/reset-password")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation, Locale locale, Model model,
            HttpServletResponse response) {
        try {
            if (!password.equals(confirmation)) {
                if (passwords.linkHolder(token).isEmpty()) {
                    throw new RuleViolation("staff.reset.invalid", "the link is unknown, used or expired");
                }
                throw InvalidInput.of("confirmation", "invalid.mismatch");
            }
            passwords.resetWithLink(token, password);
            return "redirect:/login?reset";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors.texts("reset", invalid, locale));
            model.addAttribute("token", token);
            return "access/reset-password";
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("invalid", true);
            model.addAttribute("token", token);
            return "access/reset-password";
        }
    }
}
