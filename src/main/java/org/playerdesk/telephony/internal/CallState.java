package org.playerdesk.telephony.internal;

import org.playerdesk.system.entity.Coded;

/** Where a call stands as the telephony system reported it; a call logged by hand is ended. */
public enum CallState implements Coded {
    OFFERED("offered"), ANSWERED("answered"), ENDED("ended");

    private final String code;

    CallState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    static CallState of(String code) {
        for (CallState state : values()) {
            if (state.code.equals(code)) {
                return state;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
