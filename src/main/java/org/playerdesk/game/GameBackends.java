package org.playerdesk.game;

import java.util.UUID;

/**
 * The backend of each game: the built-in simulated game for the demo game (and any game configured
 * so), the HTTP connector for a game with a base URL and secret. Callers ask once per use and never
 * keep the answer, so a changed configuration applies at once.
 */
public interface GameBackends {

    /** The backend of this game; throws {@link GameBackendUnavailable} when none is configured. */
    GameBackend of(UUID gameId);

    /** Whether this game has a backend configured at all. */
    boolean connected(UUID gameId);
}
