package org.playerdesk.ticket;

import org.playerdesk.system.entity.Coded;

/** A public reply is seen by the player; an internal note only by staff. */
public enum Visibility implements Coded {
    PUBLIC("public"),
    INTERNAL("internal");

    private final String code;

    Visibility(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
