package org.playerdesk.enforcement;

import org.playerdesk.system.entity.Coded;

/** What an action does to a game account; names in both languages under {@code gm.action.<code>}. */
public enum ActionKind implements Coded {
    BAN("ban"), UNBAN("unban"), COMPENSATE("compensate"), FREEZE("freeze"), RESET_PASSWORD("reset_password");

    private final String code;

    ActionKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
