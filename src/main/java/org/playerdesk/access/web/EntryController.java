package org.playerdesk.access.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The way in: the root leads to the console, the console to the inbox, strangers to sign-in. */
@Controller
class EntryController {

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }

    @GetMapping("/console")
    String console() {
        return "redirect:/console/tickets";
    }

    @GetMapping("/login")
    String login() {
        return "access/login";
    }
}
