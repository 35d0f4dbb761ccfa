package org.playerdesk.routing;

import org.playerdesk.system.entity.Coded;

/**
 * How a queue picks the agent for a new ticket: in turn, to whoever holds the fewest, or nobody
 * (the ticket waits in the queue until an agent presses "Next").
 */
public enum RoutingStrategy implements Coded {
    ROUND_ROBIN("round_robin"), LEAST_LOADED("least_loaded"), MANUAL("manual");

    private final String code;

    RoutingStrategy(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
