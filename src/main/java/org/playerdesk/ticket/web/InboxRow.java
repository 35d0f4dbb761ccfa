package org.playerdesk.ticket.web;

import java.time.Duration;
import java.time.Instant;

import org.playerdesk.access.StaffMember;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.ticket.TicketView;

/** One line of the inbox: the ticket with the names it refers to, and how long it has waited. */
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
}
