package org.playerdesk.announcement;

import org.playerdesk.system.entity.Coded;

/** What an announcement is about; maintenance also has its window. */
public enum AnnouncementKind implements Coded {
    MAINTENANCE("maintenance"), EVENT("event"), EVENT_RESULT("event_result"), RULE_CHANGE("rule_change"),
    OTHER("other");

    private final String code;

    AnnouncementKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The kind of this code, or null when there is none. */
    public static AnnouncementKind ofCode(String code) {
        for (AnnouncementKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        return null;
    }
}
