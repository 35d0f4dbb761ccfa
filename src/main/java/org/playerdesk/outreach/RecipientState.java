package org.playerdesk.outreach;

import org.playerdesk.system.entity.Coded;

/**
 * Where one player's message stands. {@code SENDING} is claimed by a worker; {@code INTERRUPTED} is
 * the one recipient a node was sending to when it died, on a channel that cannot tell a repeat from
 * a new message (email, SMS): it may or may not have gone out, so it is not sent again unless a lead
 * resends it (docs/campaigns.md).
 */
public enum RecipientState implements Coded {
    QUEUED("queued"), SENDING("sending"), SENT("sent"), DELIVERED("delivered"), FAILED("failed"),
    REPLIED("replied"), OPTED_OUT("opted_out"), SKIPPED("skipped"), INTERRUPTED("interrupted");

    private final String code;

    RecipientState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
