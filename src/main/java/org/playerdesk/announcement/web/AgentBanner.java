package org.playerdesk.announcement.web;

import java.util.Locale;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.announcement.Announcements;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The announcements marked for agents, as a banner on console pages. The layout asks for it when a
 * page loads (as it asks for the bell), so no page and no template has to know this module; closing
 * one answers the banner without it, and it stays closed for that member of staff.
 */
@Controller
class AgentBanner {

    private final Announcements announcements;

    AgentBanner(Announcements announcements) {
        this.announcements = announcements;
    }

    @GetMapping("/console/announcements/banner")
    String banner(@AuthenticationPrincipal StaffUser me, Locale locale, Model model) {
        model.addAttribute("banners", announcements.banners(me.member(), locale));
        return "announcement/banner :: banner";
    }

    @PostMapping("/console/announcements/{id}/dismiss")
    String dismiss(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale locale, Model model) {
        announcements.dismiss(id, me.member());
        return banner(me, locale, model);
    }
}
