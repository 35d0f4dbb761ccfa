package org.playerdesk.automation;

import org.playerdesk.system.entity.Coded;

/** What makes an event rule run. */
public enum RuleTrigger implements Coded {
    /** A ticket was opened. */
    TICKET_CREATED("ticket_created"),
    /** A ticket's status, priority, type, assignee, tags or support level changed. */
    TICKET_UPDATED("ticket_updated"),
    /** The player wrote a public reply on an open ticket. */
    PLAYER_REPLIED("player_replied"),
    /** A service-level target passed its warning point. */
    SLA_WARNING("sla_warning"),
    /** A service-level target was missed. */
    SLA_BREACHED("sla_breached");

    private final String code;

    RuleTrigger(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
