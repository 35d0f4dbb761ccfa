package org.playerdesk.routing;

import org.playerdesk.system.entity.Coded;

/**
 * What an agent is good at beyond tier and languages, which a ticket may ask for: routing gives
 * such a ticket to a free agent with the skill first, and to anyone fitting when none is free.
 * A ticket tagged {@code hostile} (the player insults, threatens or shouts) asks for
 * {@link #HOSTILE_PLAYERS}.
 */
public enum AgentSkill implements Coded {
    HOSTILE_PLAYERS("hostile_players", "hostile");

    private final String code;
    private final String tag;

    AgentSkill(String code, String tag) {
        this.code = code;
        this.tag = tag;
    }

    @Override
    public String code() {
        return code;
    }

    /** The ticket's tag that asks for the skill. */
    public String tag() {
        return tag;
    }
}
