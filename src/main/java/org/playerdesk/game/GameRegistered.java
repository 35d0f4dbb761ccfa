package org.playerdesk.game;

import java.util.UUID;

/**
 * A game joined this support center. {@code defaultQueues}: whether it starts with the default
 * routing queues (a game registered by an administrator does; the demo workspace and callers
 * that set up queues of their own register without them).
 */
public record GameRegistered(UUID gameId, String code, boolean defaultQueues) {

    public GameRegistered(UUID gameId, String code) {
        this(gameId, code, false);
    }
}
