package org.playerdesk.incident;

import org.playerdesk.system.entity.Coded;

/** How a ticket belongs to an incident: proposed by the grouping until a lead confirms, or linked. */
public enum LinkState implements Coded {
    PROPOSED("proposed"), LINKED("linked");

    private final String code;

    LinkState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
