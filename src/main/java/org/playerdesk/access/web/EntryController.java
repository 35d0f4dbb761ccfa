package org.playerdesk.access.web;

import org.playerdesk.access.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The way in: the root leads to the console, the console to the insight dashboard for leads and
 * supervisors and to the inbox for agents, strangers to sign-in.
 */
@Controller
class EntryController {

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }

    @GetMapping("/console")
    String console(@AuthenticationPrincipal StaffUser me) {
        return me != null && me.role().leads() ? "redirect:/console/insight" : "redirect:/console/tickets";
    }

    @GetMapping("/login")
    String login() {
        return "access/login";
    }
}
