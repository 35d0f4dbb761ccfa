package org.playerdesk.survey;

import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.TicketChannel;

/**
 * Where a survey is asked and answered. A ticket is asked on the channel it came through: a help
 * center ticket on its private page, a ticket from the game through the game API, an email ticket
 * by email, a live chat by its own rating at the end. Phone and social tickets are not asked.
 */
public enum SurveyChannel implements Coded {
    HELP_CENTER("help_center"),
    GAME_API("game_api"),
    EMAIL("email"),
    LIVE_CHAT("live_chat");

    private final String code;

    SurveyChannel(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The channel that asks about a ticket of this channel, or null when none does. */
    public static SurveyChannel asking(TicketChannel channel) {
        return switch (channel) {
            case WEB -> HELP_CENTER;
            case IN_GAME -> GAME_API;
            case EMAIL -> EMAIL;
            case CHAT -> LIVE_CHAT;
            case PHONE, SOCIAL, SMS -> null;
        };
    }
}
