package org.playerdesk.quality;

import org.playerdesk.system.entity.Coded;

/** What a check's finding does to a reply: nothing (the check is off), a warning, or a refusal until edited. */
public enum Severity implements Coded {
    OFF("off"), WARN("warn"), BLOCK("block");

    private final String code;

    Severity(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
