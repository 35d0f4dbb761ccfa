package org.playerdesk.access.web;

import java.util.Locale;
import java.util.Map;

import org.playerdesk.access.FirstAdministrator;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The one-time setup page: with the token written to the log at start-up, the first
 * administrator chooses a user name and a password. Refused once any staff account exists.
 */
@Controller
class SetupController {

    private final FirstAdministrator first;
    private final AdminErrors errors;

    SetupController(FirstAdministrator first, AdminErrors errors) {
        this.first = first;
        this.errors = errors;
    }

    @GetMapping("/setup")
    String page(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        String refused = refused(token, response, model);
        if (refused != null) {
            return refused;
        }
        model.addAttribute("token", token);
        model.addAttribute("form", Map.of("username", "", "displayName", "", "locale", "zh-CN"));
        return "access/setup";
    }

    @PostMapping("/setup")
    String create(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation, @RequestParam(defaultValue = "zh-CN") String locale,
            Locale reader, Model model, HttpServletResponse response) {
        String refused = refused(token, response, model);
        if (refused != null) {
            return refused;
        }
        try {
            if (!password.equals(confirmation)) {
                throw InvalidInput.of("confirmation", "invalid.mismatch");
            }
            if (first.complete(token, username, displayName, password, locale).isEmpty()) {
                return refused(token, response, model);
            }
            return "redirect:/login?setup";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors.texts("setup", invalid, reader));
            model.addAttribute("token", token);
            // the password is never sent back into the page
            model.addAttribute("form", Map.of("username", username, "displayName", displayName, "locale", locale));
            return "access/setup";
        }
    }

    /** The refusal page when setup is over (410) or the token is not the outstanding one (403), else null. */
    private String refused(String token, HttpServletResponse response, Model model) {
        if (!first.setupOpen()) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("done", true);
            return "access/setup-closed";
        }
        if (!first.accepts(token)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "access/setup-closed";
        }
        return null;
    }
}
