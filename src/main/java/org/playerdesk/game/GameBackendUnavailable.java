package org.playerdesk.game;

/** The game's backend could not be reached, timed out, refused us, or its circuit is open. */
public class GameBackendUnavailable extends RuntimeException {

    public GameBackendUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public GameBackendUnavailable(String message) {
        super(message);
    }
}
