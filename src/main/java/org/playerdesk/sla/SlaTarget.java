package org.playerdesk.sla;

import org.playerdesk.system.entity.Coded;

/** What a service-level target measures. */
public enum SlaTarget implements Coded {
    /** From the ticket's arrival to support's first public answer. */
    FIRST_RESPONSE("first_response"),
    /** From a player's reply to support's next public answer. */
    NEXT_RESPONSE("next_response"),
    /** From arrival to resolution. */
    RESOLUTION("resolution");

    private final String code;

    SlaTarget(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
