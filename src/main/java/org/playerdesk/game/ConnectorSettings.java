package org.playerdesk.game;

import java.time.Duration;

/**
 * How a game's backend is reached, as an administrator sets it. The secret is never part of it:
 * {@code secretSet} only says whether one is stored. Null timeouts use the defaults
 * ({@code playerdesk.game.connect-timeout}, {@code read-timeout}).
 */
public record ConnectorSettings(ConnectorKind kind, String baseUrl, boolean secretSet, Duration connectTimeout,
        Duration readTimeout) {

    public static final ConnectorSettings NONE = new ConnectorSettings(ConnectorKind.NONE, null, false, null, null);
}
