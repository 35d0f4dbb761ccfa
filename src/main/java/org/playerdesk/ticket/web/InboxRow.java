package org.playerdesk.ticket.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.playerdesk.access.StaffMember;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.ticket.SlaState;
import org.playerdesk.ticket.TicketView;
import org.springframework.context.MessageSource;

/**
 * One line of the inbox, ready to show: the ticket's number, link, labels in the reader's
 * language, the names it refers to, how long it has waited and the time left to its next
 * service-level deadline (or how long overdue). Everything is worked out here, once per row, so
 * the page neither queries nor looks up a message per cell: the template only prints these
 * fields.
 *
 * @param ticket      the ticket (its id and number for the bulk checkbox)
 * @param url         the ticket page's address
 * @param gameCode    the game's code, null when the reader does not see the game
 * @param nickname    the player's nickname, null when unknown
 * @param accountId   the player's account, null when unknown
 * @param statusClass the status badge's colour class ({@code status-open})
 * @param priorityClass the priority's colour class ({@code priority-high})
 * @param assignee    the assignee's name, or "Unassigned" in the reader's language
 * @param age         how long the ticket has waited, in its largest whole unit ("3 h")
 * @param created     when it was opened, {@code yyyy-MM-dd HH:mm}
 * @param sla         "12 min left", "overdue 3 h" or "paused"; null when no target runs
 * @param slaColour   the service-level state's colour class ({@code sla-warning}); null when no target runs
 * @param slaDue      the next deadline, {@code yyyy-MM-dd HH:mm}; null when there is none
 */
record InboxRow(TicketView ticket, String number, String url, String gameCode, String nickname, String accountId,
        String type, String status, String statusClass, String priority, String priorityClass, String channel,
        String assignee, String age, String created, String sla, String slaColour, String slaDue) {

    /** As {@code #temporals.format(instant, 'yyyy-MM-dd HH:mm')} showed it: the server's time zone. */
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The messages the rows need, in the reader's language, for one page. */
    record Words(MessageSource messages, Locale locale, ZoneId zone) {

        String text(String key, Object... arguments) {
            return messages.getMessage(key, arguments, locale);
        }

        String time(Instant instant) {
            return MINUTES.withLocale(locale).format(instant.atZone(zone));
        }
    }

    static InboxRow of(TicketView t, GameInfo game, PlayerSummary player, StaffMember assignee, Instant now,
            Words words) {
        String sla = slaKey(t, now);
        return new InboxRow(t, "#" + t.number(), "/console/tickets/" + t.id(), game == null ? null : game.code(),
                player == null ? null : player.nickname(), player == null ? null : player.accountId(),
                words.text("ticket.type." + t.type().code()), words.text("ticket.status." + t.status().code()),
                "status-" + t.status().code(), words.text("ticket.priority." + t.priority().code()),
                "priority-" + t.priority().code(), words.text("ticket.channel." + t.channel().code()),
                assignee != null ? assignee.displayName() : words.text("inbox.unassigned"),
                words.text(ageUnit(t, now), ageAmount(t, now)), words.time(t.createdAt()),
                sla == null ? null : words.text(sla, slaAmount(t, now)),
                sla == null || t.slaState() == null ? null : "sla-" + t.slaState().code(),
                t.slaDueAt() == null ? null : words.time(t.slaDueAt()));
    }

    /** The age in its largest whole unit, as a bundle key ({@code age.minutes}). */
    static String ageUnit(TicketView ticket, Instant now) {
        Duration age = age(ticket, now);
        if (age.toDays() > 0) {
            return "age.days";
        }
        return age.toHours() > 0 ? "age.hours" : "age.minutes";
    }

    static long ageAmount(TicketView ticket, Instant now) {
        Duration age = age(ticket, now);
        if (age.toDays() > 0) {
            return age.toDays();
        }
        return age.toHours() > 0 ? age.toHours() : age.toMinutes();
    }

    private static Duration age(TicketView ticket, Instant now) {
        Duration age = Duration.between(ticket.createdAt(), now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** "12 min left", "overdue 3 h" or "paused", as a bundle key ({@code sla.left.minutes}); null when no target runs. */
    static String slaKey(TicketView ticket, Instant now) {
        if (ticket.slaState() == SlaState.PAUSED) {
            return "sla.paused";
        }
        if (ticket.slaDueAt() == null) {
            return null;
        }
        Duration left = Duration.between(now, ticket.slaDueAt());
        String prefix = left.isNegative() ? "sla.overdue." : "sla.left.";
        Duration size = left.abs();
        return prefix + (size.toDays() > 0 ? "days" : size.toHours() > 0 ? "hours" : "minutes");
    }

    static long slaAmount(TicketView ticket, Instant now) {
        if (ticket.slaDueAt() == null) {
            return 0;
        }
        Duration size = Duration.between(now, ticket.slaDueAt()).abs();
        if (size.toDays() > 0) {
            return size.toDays();
        }
        return size.toHours() > 0 ? size.toHours() : size.toMinutes();
    }
}
