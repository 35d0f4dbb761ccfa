package org.playerdesk.outreach;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.Range;
import org.playerdesk.system.validation.SingleLine;

/**
 * Which of a game's players a campaign reaches; every criterion given must hold (none given: every
 * player of the game). {@code tiers} are VIP tier codes; {@code minSpend} is the total recharge in
 * the game's smallest money unit, as the game last told it; {@code inactiveDays}: no login for that
 * many days; {@code noContactDays}: no ticket for that many days; {@code playerTags}: any of these
 * tags on the player; {@code ticketTag}: a ticket of theirs carries it (a compensation, a bug);
 * {@code incidentId}: a ticket of theirs is linked to that incident; {@code vipFollowUpsDue}: a VIP
 * follow-up (回访) of theirs is due.
 */
public record Segment(
        @Size(max = 64, message = "{invalid.tooLong}") @SingleLine String server,
        @Size(max = 10, message = "{invalid.tooMany}") List<@Pattern(regexp = "[a-z0-9_]{1,30}",
                message = "{invalid.invalid}") String> tiers,
        @Range(min = 0, max = 1_000_000_000_000L, message = "{invalid.range.between}") Long minSpend,
        @Range(min = 1, max = 3650, message = "{invalid.range.between}") Integer inactiveDays,
        @Range(min = 1, max = 3650, message = "{invalid.range.between}") Integer noContactDays,
        @Size(max = 10, message = "{invalid.tooMany}") List<@Size(max = 30, message = "{invalid.tooLong}")
        @SingleLine String> playerTags,
        @Size(max = 40, message = "{invalid.tooLong}") @SingleLine String ticketTag,
        UUID incidentId,
        boolean vipFollowUpsDue) {

    public Segment {
        server = blankToNull(server);
        ticketTag = blankToNull(ticketTag);
        tiers = tiers == null ? List.of() : tiers.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        playerTags = playerTags == null ? List.of()
                : playerTags.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static Segment everyone() {
        return new Segment(null, null, null, null, null, null, null, null, false);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
