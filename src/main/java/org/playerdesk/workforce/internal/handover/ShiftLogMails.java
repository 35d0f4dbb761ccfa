package org.playerdesk.workforce.internal.handover;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.notification.Notifications;
import org.playerdesk.routing.Roster;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.workforce.HandoverEvents.HandoverSettled;
import org.playerdesk.workforce.HandoverItem;
import org.playerdesk.workforce.HandoverView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Emails a settled handover's shift log (客服日志) to its addressees (the incoming agents, the team
 * leads, the supervisors) who gave an email address in their notification settings, each in their
 * own language, once each (marked in {@code workforce_handover_mail}). A mail server out of reach
 * fails the listener and the publication registry hands the event over again; without a mail
 * server nothing is sent (the console's notices stay).
 */
@Component
class ShiftLogMails {

    private static final Logger log = LoggerFactory.getLogger(ShiftLogMails.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final HandoverRecords records;
    private final ShiftLog shiftLog;
    private final Notifications notifications;
    private final StaffDirectory staff;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final HandoverSettings settings;
    private final RoutingSetup routing;
    private final Clock clock;

    ShiftLogMails(HandoverRecords records, ShiftLog shiftLog, Notifications notifications, StaffDirectory staff,
            ObjectProvider<JavaMailSender> mail, MessageSource messages, HandoverSettings settings,
            RoutingSetup routing, Clock clock) {
        this.routing = routing;
        this.records = records;
        this.shiftLog = shiftLog;
        this.notifications = notifications;
        this.staff = staff;
        this.mail = mail;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(HandoverSettled settled) throws MessagingException {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("A shift log is not emailed: no mail server is configured (spring.mail.host)");
            return;
        }
        HandoverView handover = records.view(settled.handoverId()).orElse(null);
        if (handover == null) {
            return;
        }
        for (var to : staff.byIds(shiftLog.addressees(handover)).values()) {
            String address = notifications.emailChoice(to.id()).address();
            if (address == null || !to.enabled() || !records.claimMail(handover.id(), to.id(), clock.instant())) {
                continue;
            }
            sender.send(message(sender, handover, to, address));
            log.info("Shift log of handover {} emailed to member of staff {}", handover.id(), to.id());
        }
    }

    private MimeMessage message(JavaMailSender sender, HandoverView handover, StaffMember to, String address)
            throws MessagingException {
        Locale locale = Locales.supported(to.locale());
        // the reader's own time zone, as routing keeps it with their shifts
        Roster roster = routing.rosters(java.util.List.of(to.id())).get(to.id());
        ZoneId zone = roster == null ? ZoneId.of("Asia/Shanghai") : roster.zone();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(settings.mailFrom());
        helper.setTo(address);
        String when = WHEN.format((handover.shiftEnd() != null ? handover.shiftEnd() : handover.submittedAt())
                .atZone(zone));
        helper.setSubject(text("handover.mail.subject", locale, handover.outgoingName(), when));
        StringBuilder body = new StringBuilder();
        body.append(text("handover.mail.intro", locale, handover.outgoingName(), when)).append("\n\n");
        String settledBy = handover.releasedByName() != null
                ? text("handover.mail.released", locale, handover.releasedByName(),
                        handover.releaseReason() == null ? "-" : handover.releaseReason())
                : text("handover.mail.acknowledged", locale, String.valueOf(handover.acknowledgedByName()));
        body.append(settledBy).append("\n\n");
        body.append(text("handover.field.emergencies", locale)).append(":\n")
                .append(handover.emergencies() == null ? "-" : handover.emergencies()).append("\n\n");
        body.append(text("handover.field.notes", locale)).append(":\n")
                .append(handover.notes() == null ? "-" : handover.notes()).append("\n\n");
        body.append(text("handover.mail.items", locale, handover.items().size())).append('\n');
        for (HandoverItem item : handover.items()) {
            body.append("- [").append(text("handover.kind." + item.kind().code(), locale)).append("] ")
                    .append(item.label());
            if (item.targetName() != null) {
                body.append(" → ").append(item.targetName());
            } else if (item.disposition() == HandoverItem.Disposition.ROUTING) {
                body.append(" → ").append(text("handover.disposition.routing", locale));
            }
            if (item.note() != null) {
                body.append("\n  ").append(item.note());
            }
            if (item.acknowledgedByName() != null) {
                body.append("\n  ").append(text("handover.mail.itemAcknowledged", locale, item.acknowledgedByName()));
            }
            body.append('\n');
        }
        body.append('\n').append(settings.publicUrl()).append(ShiftLog.LINK).append(handover.id()).append('\n');
        helper.setText(body.toString());
        return message;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
