package org.playerdesk.workforce;

import org.playerdesk.chat.Presence;
import org.playerdesk.system.entity.Coded;

/**
 * An agent's availability, one for all their work: tickets and live chat. Available and busy agents
 * are at their desk (busy: no new live chat); on a break, away or offline they get no new ticket
 * or chat. Live chat's own presence follows it ({@link #inChat()}), and it follows live chat's.
 */
public enum PresenceState implements Coded {
    AVAILABLE("available", Presence.ONLINE), BUSY("busy", Presence.BUSY), ON_BREAK("break", Presence.AWAY),
    AWAY("away", Presence.AWAY), OFFLINE("offline", Presence.OFFLINE);

    private final String code;
    private final Presence inChat;

    PresenceState(String code, Presence inChat) {
        this.code = code;
        this.inChat = inChat;
    }

    @Override
    public String code() {
        return code;
    }

    /** The live-chat presence that goes with this state. */
    public Presence inChat() {
        return inChat;
    }

    /** At the desk: available or busy. */
    public boolean atDesk() {
        return this == AVAILABLE || this == BUSY;
    }

    /** Kept from new tickets: on a break, away or offline. */
    public boolean pausesWork() {
        return !atDesk();
    }

    /** The states a lead may set for an agent they lead (not the agent's work states). */
    public boolean setByLead() {
        return this == AWAY || this == OFFLINE;
    }

    /** The state that goes with a presence chosen in the live-chat console. */
    public static PresenceState following(Presence presence) {
        return switch (presence) {
            case ONLINE -> AVAILABLE;
            case BUSY -> BUSY;
            case AWAY -> AWAY;
            case OFFLINE -> OFFLINE;
        };
    }
}
