package org.playerdesk.department;

import org.playerdesk.system.entity.Coded;

/** A question to a department is open until it is answered; answered is final. */
public enum RequestState implements Coded {
    OPEN("open"), ANSWERED("answered");

    private final String code;

    RequestState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
