package org.playerdesk.notification.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.notification.NotificationView;
import org.playerdesk.notification.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reader's own notifications, each in the reader's language (the text is made from its
 * message key now, not when it was sent), and the bell in the navigation with the unread count.
 */
@Controller
@RequestMapping("/console/notifications")
class NotificationsController {

    static final int SHOWN = 100;

    private final Notifications notifications;
    private final MessageSource messages;

    NotificationsController(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    /** One notification as shown; a link only to a console path. */
    record Row(NotificationView notification, String text, String link) {

        public boolean unread() {
            return notification.readAt() == null;
        }
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffUser me, Locale locale, Model model) {
        List<Row> rows = notifications.recent(me.id(), SHOWN).stream().map(n -> row(n, locale)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("unread", notifications.unreadCount(me.id()));
        return "notification/list";
    }

    /** The bell: fetched by htmx once per page, one count query. */
    @GetMapping("/bell")
    String bell(@AuthenticationPrincipal StaffUser me, Model model) {
        model.addAttribute("unread", notifications.unreadCount(me.id()));
        return "notification/list :: bell";
    }

    @PostMapping("/read")
    String markRead(@RequestParam(name = "id", required = false) List<String> ids,
            @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        Set<UUID> chosen = new java.util.HashSet<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            try {
                chosen.add(UUID.fromString(id.strip()));
            } catch (IllegalArgumentException ignored) {
                // not one of ours anyway
            }
        }
        if (!chosen.isEmpty()) {
            notifications.markRead(me.id(), chosen);
        }
        redirect.addFlashAttribute("notice", "notification.marked");
        return "redirect:/console/notifications";
    }

    @PostMapping("/read-all")
    String markAllRead(@AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        notifications.markAllRead(me.id());
        redirect.addFlashAttribute("notice", "notification.marked");
        return "redirect:/console/notifications";
    }

    private Row row(NotificationView n, Locale locale) {
        String text = messages.getMessage(n.messageKey(), n.args().toArray(), n.messageKey(), locale);
        String link = n.link() != null && n.link().startsWith("/console/") && !n.link().startsWith("//") ? n.link()
                : null;
        return new Row(n, text, link);
    }
}
