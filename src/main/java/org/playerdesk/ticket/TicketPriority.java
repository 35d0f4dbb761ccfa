package org.playerdesk.ticket;

import org.playerdesk.system.entity.Coded;

public enum TicketPriority implements Coded {
    LOW("low"),
    NORMAL("normal"),
    HIGH("high"),
    URGENT("urgent");

    private final String code;

    TicketPriority(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
