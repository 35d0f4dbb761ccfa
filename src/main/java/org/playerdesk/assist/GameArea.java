package org.playerdesk.assist;

import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.TicketType;

/** The part of the game a ticket is about, for routing and reports. */
public enum GameArea implements Coded {
    ACCOUNT("account"), PAYMENT("payment"), GAMEPLAY("gameplay"), EVENTS("events"), TECHNICAL("technical"),
    COMMUNITY("community"), OTHER("other");

    private final String code;

    GameArea(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Where a ticket of this type belongs. */
    public static GameArea of(TicketType type) {
        return switch (type) {
            case ACCOUNT_STOLEN, BAN_APPEAL, ACCOUNT_OTHER, SCAM -> ACCOUNT;
            case PAYMENT -> PAYMENT;
            case REDEMPTION -> EVENTS;
            case BUG -> TECHNICAL;
            case CHEAT_REPORT, SUGGESTION, CONSULTATION -> GAMEPLAY;
            case COMPLAINT -> COMMUNITY;
            case OTHER -> OTHER;
        };
    }
}
