package org.playerdesk.outreach;

import org.playerdesk.system.entity.Coded;

/** How a campaign reaches its players. */
public enum OutreachChannel implements Coded {
    EMAIL("email"), IN_GAME("in_game"), SMS("sms");

    private final String code;

    OutreachChannel(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
