package org.playerdesk.knowledge;

import org.playerdesk.system.entity.Coded;

/** Who may read an article: players in the help center (and agents), or agents only. */
public enum Audience implements Coded {
    PUBLIC("public"), INTERNAL("internal");

    private final String code;

    Audience(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Audience of(String code) {
        return Coded.fromCode(Audience.class, code);
    }
}
