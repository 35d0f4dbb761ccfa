package org.playerdesk.ticket;

import java.util.UUID;

import org.playerdesk.system.entity.Coded;

/** Who did something to a ticket: the player, a member of staff, or PlayerDesk itself. */
public record Actor(Kind kind, UUID id, String name) {

    public enum Kind implements Coded {
        PLAYER("player"), AGENT("agent"), SYSTEM("system");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null, "PlayerDesk");

    public static Actor player(UUID playerId, String name) {
        return new Actor(Kind.PLAYER, playerId, name);
    }

    public static Actor agent(UUID staffId, String name) {
        return new Actor(Kind.AGENT, staffId, name);
    }

    public boolean isPlayer() {
        return kind == Kind.PLAYER;
    }

    public boolean isAgent() {
        return kind == Kind.AGENT;
    }
}
