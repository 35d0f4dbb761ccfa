package org.playerdesk.chat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A game's chat settings as admins see them: whether a secret is set, never the secret itself;
 * {@code closedDays} are the days the chat is closed all day (holidays).
 */
public record ChatRules(UUID gameId, boolean secretSet, boolean guestsAllowed, String hoursFrom, String hoursTo,
        String timeZone, int maxWaitSeconds, List<LocalDate> closedDays) {

    /** The closed days as an admin types them: one ISO date per line. */
    public String closedDaysText() {
        return String.join("\n", closedDays.stream().map(LocalDate::toString).toList());
    }
}
