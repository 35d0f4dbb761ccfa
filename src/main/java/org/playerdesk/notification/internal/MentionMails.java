package org.playerdesk.notification.internal;

import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.notification.EmailChoice;
import org.playerdesk.notification.Notifications;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketEvents.StaffMentioned;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Emails a colleague mentioned in an internal note, when they chose so in their notification
 * settings, in their own language, with the note and a link to it. A mail server that cannot be
 * reached fails the listener, and the event publication registry hands the mention over again
 * later; an installation without a mail server sends nothing (the console's notice is enough).
 */
@Component
@EnableConfigurationProperties(NotificationSettings.class)
class MentionMails {

    private static final Logger log = LoggerFactory.getLogger(MentionMails.class);

    private final Notifications notifications;
    private final StaffDirectory staff;
    private final TicketQueries tickets;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final NotificationSettings settings;

    MentionMails(Notifications notifications, StaffDirectory staff, TicketQueries tickets,
            ObjectProvider<JavaMailSender> mail, MessageSource messages, NotificationSettings settings) {
        this.notifications = notifications;
        this.staff = staff;
        this.tickets = tickets;
        this.mail = mail;
        this.messages = messages;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(StaffMentioned mentioned) throws MessagingException {
        EmailChoice choice = notifications.emailChoice(mentioned.staffId());
        if (!choice.emailsMentions()) {
            return;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("A mention is not emailed: no mail server is configured (spring.mail.host)");
            return;
        }
        StaffMember member = staff.get(mentioned.staffId());
        if (!member.enabled()) {
            return;
        }
        TicketView ticket = tickets.head(mentioned.ticketId());
        String note = tickets.message(ticket.id(), mentioned.messageId()).map(MessageView::body).orElse("");
        Locale locale = Locales.supported(member.locale());
        String number = String.valueOf(ticket.number());
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(settings.mailFrom());
        helper.setTo(choice.address());
        helper.setSubject(messages.getMessage("notification.mail.mention.subject",
                new Object[] { mentioned.byName(), number }, locale));
        helper.setText(messages.getMessage("notification.mail.mention.body", new Object[] { mentioned.byName(),
                number, ticket.subject(), note, settings.publicUrl() + MentionNotices.link(mentioned),
                settings.publicUrl() + "/console/notifications/settings" }, locale));
        sender.send(message);
        log.info("Mention on ticket {} emailed to member of staff {}", ticket.id(), member.id());
    }
}
