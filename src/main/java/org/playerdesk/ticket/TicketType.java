package org.playerdesk.ticket;

import org.playerdesk.system.entity.Coded;

/** What a player is asking about. Names in both languages are in the message bundle under {@code ticket.type.<code>}. */
public enum TicketType implements Coded {
    CONSULTATION("consultation"),
    COMPLAINT("complaint"),
    SUGGESTION("suggestion"),
    BUG("bug"),
    CHEAT_REPORT("cheat_report"),
    ACCOUNT_STOLEN("account_stolen"),
    BAN_APPEAL("ban_appeal"),
    ACCOUNT_OTHER("account_other"),
    PAYMENT("payment"),
    REDEMPTION("redemption"),
    /** Scammed out of currency or items by another player (被骗金币). */
    SCAM("scam"),
    OTHER("other");

    private final String code;

    TicketType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
