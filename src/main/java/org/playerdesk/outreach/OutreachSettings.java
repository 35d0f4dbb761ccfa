package org.playerdesk.outreach;

import java.util.UUID;

/**
 * A game's outreach settings: messages per minute on each channel (0: no limit) and the quiet hours
 * in the player's local time, from {@code quietFrom} o'clock to {@code quietUntil} o'clock (equal:
 * none). Defaults: 600 emails, 600 in-game messages and 60 SMS a minute; quiet from 22 to 8.
 */
public record OutreachSettings(UUID gameId, int emailPerMinute, int inGamePerMinute, int smsPerMinute, int quietFrom,
        int quietUntil) {

    public static OutreachSettings defaults(UUID gameId) {
        return new OutreachSettings(gameId, 600, 600, 60, 22, 8);
    }

    public int perMinute(OutreachChannel channel) {
        return switch (channel) {
            case EMAIL -> emailPerMinute;
            case IN_GAME -> inGamePerMinute;
            case SMS -> smsPerMinute;
        };
    }
}
