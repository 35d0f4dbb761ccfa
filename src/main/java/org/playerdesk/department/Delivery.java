package org.playerdesk.department;

import org.playerdesk.system.entity.Coded;

/** How a question reaches a department. */
public enum Delivery implements Coded {
    /** Its members answer in the console (their department worklist). */
    MEMBERS("members"),
    /** An email to the department's address; the reply is read from PlayerDesk's mailbox. */
    EMAIL("email"),
    /** A signed POST to the department's system, which answers through a one-time URL. */
    WEBHOOK("webhook");

    private final String code;

    Delivery(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
