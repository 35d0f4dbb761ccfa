package org.playerdesk.game;

import org.playerdesk.system.entity.Coded;

/** How PlayerDesk reaches a game's backend: not at all, the built-in simulated game, or over HTTP. */
public enum ConnectorKind implements Coded {
    NONE("none"), SIMULATED("simulated"), HTTP("http");

    private final String code;

    ConnectorKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
