package org.playerdesk.automation;

import org.playerdesk.system.entity.Coded;

/** The time rules every game has. */
public enum TimeRuleKind implements Coded {
    /** Closes a resolved ticket nobody has written on for this many hours (default 72). */
    CLOSE_RESOLVED("close_resolved", 72),
    /** Sends the player one reminder when a ticket has waited on them this many hours (default 24). */
    REMIND_PENDING("remind_pending", 24);

    private final String code;
    private final int defaultHours;

    TimeRuleKind(String code, int defaultHours) {
        this.code = code;
        this.defaultHours = defaultHours;
    }

    @Override
    public String code() {
        return code;
    }

    public int defaultHours() {
        return defaultHours;
    }
}
