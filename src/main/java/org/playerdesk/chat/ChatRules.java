package org.playerdesk.chat;

import java.util.UUID;

/** A game's chat settings as admins see them: whether a secret is set, never the secret itself. */
public record ChatRules(UUID gameId, boolean secretSet, boolean guestsAllowed, String hoursFrom, String hoursTo,
        String timeZone, int maxWaitSeconds) {
}
