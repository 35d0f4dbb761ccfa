package org.playerdesk.game;

import org.playerdesk.system.entity.Coded;

/** The state of a game account in its backend. */
public enum AccountStatus implements Coded {
    ACTIVE("active"), BANNED("banned"), FROZEN("frozen");

    private final String code;

    AccountStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
