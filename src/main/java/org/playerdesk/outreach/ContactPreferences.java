package org.playerdesk.outreach;

import java.util.UUID;

/**
 * What outreach keeps of a player beyond the player record: the phone for SMS, the language and
 * time zone when known (else the game's), and the channels the player opted out of.
 */
public record ContactPreferences(UUID playerId, String phone, String locale, String timeZone, boolean emailOptOut,
        boolean inGameOptOut, boolean smsOptOut) {

    public boolean optedOut(OutreachChannel channel) {
        return switch (channel) {
            case EMAIL -> emailOptOut;
            case IN_GAME -> inGameOptOut;
            case SMS -> smsOptOut;
        };
    }
}
