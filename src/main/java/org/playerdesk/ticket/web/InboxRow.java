package org.playerdesk.ticket.web;

import java.time.Duration;
import java.time.Instant;

import org.playerdesk.access.StaffMember;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.ticket.SlaState;
import org.playerdesk.ticket.TicketView;

/**
 * One line of the inbox: the ticket with the names it refers to, how long it has waited, and the
 * time left to its next service-level deadline (or how long overdue), all computed here so the
 * page needs no query per row.
 */
record InboxRow(TicketView ticket, GameInfo game, PlayerSummary player, StaffMember assignee, Instant now) {

    /** The age in its largest whole unit, as a bundle key ({@code age.minutes}) and an amount. */
    public String ageUnit() {
        Duration age = age();
        if (age.toDays() > 0) {
            return "age.days";
        }
        return age.toHours() > 0 ? "age.hours" : "age.minutes";
    }

    public long ageAmount() {
        Duration age = age();
        if (age.toDays() > 0) {
            return age.toDays();
        }
        return age.toHours() > 0 ? age.toHours() : age.toMinutes();
    }

    private Duration age() {
        Duration age = Duration.between(ticket.createdAt(), now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** The colour class of the service-level state ({@code sla-warning}), or null when no target runs. */
    public String slaColour() {
        return ticket.slaState() == null ? null : "sla-" + ticket.slaState().code();
    }

    /** "12 min left", "overdue 3 h" or "paused", as a bundle key ({@code sla.left.minutes}); null when no target runs. */
    public String slaKey() {
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

    public long slaAmount() {
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
