package org.playerdesk.access.web;

import java.util.Locale;
import java.util.Set;

import org.playerdesk.access.StaffUser;
import org.playerdesk.access.internal.sso.SingleSignOnSettings;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The way in: the root leads to the console, the console to the insight dashboard for leads and
 * supervisors and to the inbox for agents, strangers to sign-in.
 */
@Controller
class EntryController {

    /** Why a sign-in through the identity provider was refused, as the sign-in page names it. */
    private static final Set<String> SSO_REFUSALS = Set.of("unknown", "awaiting", "disabled", "no-role", "failed",
            "passwords-off");

    private final SingleSignOnSettings singleSignOn;

    EntryController(SingleSignOnSettings singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }

    @GetMapping("/console")
    String console(@AuthenticationPrincipal StaffUser me) {
        return me != null && me.role().leads() ? "redirect:/console/insight" : "redirect:/console/tickets";
    }

    @GetMapping("/login")
    String login(@RequestParam(name = "sso", required = false) String refusal, Locale locale, Model model) {
        if (singleSignOn.enabled()) {
            model.addAttribute("ssoButton", singleSignOn.button().in(locale));
            model.addAttribute("ssoPath", "/oauth2/authorization/" + SingleSignOnSettings.REGISTRATION);
        }
        model.addAttribute("localPasswords", !singleSignOn.enabled() || singleSignOn.localPasswords());
        if (refusal != null && SSO_REFUSALS.contains(refusal)) {
            model.addAttribute("ssoRefusal", "sso.refused." + refusal);
        }
        return "access/login";
    }
}
