package org.playerdesk.chat;

import org.playerdesk.system.entity.Coded;

/** An agent's availability for chats. Only online agents with free capacity are offered new chats. */
public enum Presence implements Coded {
    ONLINE("online"), BUSY("busy"), AWAY("away"), OFFLINE("offline");

    private final String code;

    Presence(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
