package org.playerdesk.ticket;

import org.playerdesk.system.entity.Coded;

/** How a ticket's running service-level target stands: the inbox colours it. */
public enum SlaState implements Coded {
    /** Running, well within the target. */
    ON_TRACK("on_track"),
    /** Running, past the warning point (for example 80% of the target used). */
    WARNING("warning"),
    /** The target was missed. */
    BREACHED("breached"),
    /** Stopped while support waits on the player; the deadline moves on when the clock resumes. */
    PAUSED("paused");

    private final String code;

    SlaState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
