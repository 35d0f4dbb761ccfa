package org.playerdesk.automation;

import org.playerdesk.system.entity.Coded;

/**
 * What an event rule does; the action's {@code value} is named for each: a status, priority or
 * type code; a member of staff's id (blank for {@code assign} takes the ticket from its assignee);
 * a tag; a canned reply's id; the text of an internal note. The notices to the assignee and the
 * leads take no value.
 */
public enum RuleActionKind implements Coded {
    SET_STATUS("set_status"),
    SET_PRIORITY("set_priority"),
    SET_TYPE("set_type"),
    ASSIGN("assign"),
    ADD_TAG("add_tag"),
    REMOVE_TAG("remove_tag"),
    NOTIFY_ASSIGNEE("notify_assignee"),
    NOTIFY_LEADS("notify_leads"),
    NOTIFY_STAFF("notify_staff"),
    CANNED_REPLY("canned_reply"),
    ADD_NOTE("add_note");

    private final String code;

    RuleActionKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Whether the action needs a value. */
    public boolean takesValue() {
        return this != NOTIFY_ASSIGNEE && this != NOTIFY_LEADS && this != ASSIGN;
    }
}
