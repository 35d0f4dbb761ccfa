package org.playerdesk.ticket;

import org.playerdesk.system.entity.Coded;

/** Where a ticket came from, and where replies go back to. */
public enum TicketChannel implements Coded {
    IN_GAME("in_game"),
    WEB("web"),
    CHAT("chat"),
    EMAIL("email"),
    PHONE("phone"),
    SOCIAL("social"),
    /** A player's text message: an answer to a campaign's SMS (outreach, docs/campaigns.md). */
    SMS("sms");

    private final String code;

    TicketChannel(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
