package org.playerdesk.enforcement;

import org.playerdesk.system.entity.Coded;

/**
 * Where a group sanction stands: carried out at once ({@code done}: every ban was within the
 * asker's limit, or there was none), or waiting as one approval for a supervisor, who approves
 * (every held ban runs) or rejects it (none does). Names under {@code gm.state.<code>}.
 */
public enum GroupState implements Coded {
    DONE("done"), PENDING_APPROVAL("pending_approval"), APPROVED("approved"), REJECTED("rejected");

    private final String code;

    GroupState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
