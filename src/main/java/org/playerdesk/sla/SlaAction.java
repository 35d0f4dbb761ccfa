package org.playerdesk.sla;

import org.playerdesk.system.entity.Coded;

/** What a policy does when a target reaches its warning point or is missed. */
public enum SlaAction implements Coded {
    /** A notification to the ticket's assignee (none when unassigned). */
    NOTIFY_ASSIGNEE("notify_assignee"),
    /** A notification to the game's leads (its supervisors, else the administrators). */
    NOTIFY_LEADS("notify_leads"),
    /** The ticket's priority one step up (low → normal → high → urgent). */
    RAISE_PRIORITY("raise_priority"),
    /** The ticket one level up its game's escalation path. */
    ESCALATE("escalate");

    private final String code;

    SlaAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
