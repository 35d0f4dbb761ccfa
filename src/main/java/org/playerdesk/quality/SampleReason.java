package org.playerdesk.quality;

import org.playerdesk.system.entity.Coded;

/**
 * Why a conversation was drawn for review: the seed's "complaints first" (004), then conversations
 * with a hostile player or a low satisfaction score, then chance.
 */
public enum SampleReason implements Coded {
    COMPLAINT("complaint"),
    HOSTILE("hostile"),
    LOW_SATISFACTION("low-csat"),
    RANDOM("random");

    private final String code;

    SampleReason(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Whether it is drawn before the rest. */
    public boolean first() {
        return this != RANDOM;
    }
}
