package org.playerdesk.ticket;

import org.playerdesk.system.entity.Coded;

/**
 * The support level holding a ticket (逐级上报: a case beyond an agent's authority goes up level
 * by level). Every ticket starts at first line; the path upward is configured per game.
 */
public enum SupportLevel implements Coded {
    FIRST_LINE("first_line"),
    SECOND_LINE("second_line"),
    VIP("vip"),
    SUPERVISOR("supervisor");

    private final String code;

    SupportLevel(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
