package org.playerdesk.telephony.internal;

import org.playerdesk.system.entity.Coded;

/** Whether the player called support, or support called the player. */
public enum CallDirection implements Coded {
    INBOUND("inbound"), OUTBOUND("outbound");

    private final String code;

    CallDirection(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
