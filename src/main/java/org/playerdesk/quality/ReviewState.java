package org.playerdesk.quality;

import org.playerdesk.system.entity.Coded;

/** Where a QA review stands: scored, acknowledged by the agent, disputed by them, or the dispute resolved by a lead. */
public enum ReviewState implements Coded {
    SCORED("scored"),
    ACKNOWLEDGED("acknowledged"),
    DISPUTED("disputed"),
    RESOLVED("resolved");

    private final String code;

    ReviewState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
