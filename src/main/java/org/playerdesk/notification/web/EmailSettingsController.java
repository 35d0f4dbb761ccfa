package org.playerdesk.notification.web;

import java.util.Locale;

import org.playerdesk.access.StaffUser;
import org.playerdesk.notification.EmailChoice;
import org.playerdesk.notification.Notifications;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Each member's own choice of what is also sent to them by email (today: mentions in a
 * colleague's internal note), and where. Without a mail server the page says nothing is sent.
 */
@Controller
@RequestMapping("/console/notifications/settings")
class EmailSettingsController {

    private final Notifications notifications;
    private final ObjectProvider<JavaMailSender> mail;
    private final ErrorTexts problems;

    EmailSettingsController(Notifications notifications, ObjectProvider<JavaMailSender> mail, ErrorTexts problems) {
        this.notifications = notifications;
        this.mail = mail;
        this.problems = problems;
    }

    @GetMapping
    String form(@AuthenticationPrincipal StaffUser me, Model model) {
        if (!model.containsAttribute("choice")) {
            model.addAttribute("choice", notifications.emailChoice(me.id()));
        }
        model.addAttribute("mailServer", mail.getIfAvailable() != null);
        return "notification/settings";
    }

    @PostMapping
    String choose(@RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "false") boolean mentions, @AuthenticationPrincipal StaffUser me,
            Locale locale, Model model, RedirectAttributes redirect) {
        try {
            notifications.chooseEmail(me.id(), address, mentions);
        } catch (InvalidInput invalid) {
            model.addAttribute("choice", new EmailChoice(address, mentions));
            model.addAttribute("errors", problems.firstByField(invalid, locale));
            return form(me, model);
        }
        redirect.addFlashAttribute("notice", "notification.settings.saved");
        return "redirect:/console/notifications/settings";
    }
}
