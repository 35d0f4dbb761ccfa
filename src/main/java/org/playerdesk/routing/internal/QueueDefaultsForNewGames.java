package org.playerdesk.routing.internal;

import java.util.Locale;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameRegistered;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.system.retry.ConflictRetry;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A game registered by an administrator gets the default queues (a first and a second line) in
 * its language; the demo workspace brings queues of its own.
 */
@Component
class QueueDefaultsForNewGames {

    private final RoutingSetup routing;
    private final GameCatalog games;
    private final ConflictRetry retry;

    QueueDefaultsForNewGames(RoutingSetup routing, GameCatalog games, ConflictRetry retry) {
        this.routing = routing;
        this.games = games;
        this.retry = retry;
    }

    @Async
    @TransactionalEventListener
    void on(GameRegistered registered) {
        if (!registered.defaultQueues()) {
            return;
        }
        boolean chinese = games.get(registered.gameId()).defaultLocale().toLowerCase(Locale.ROOT).startsWith("zh");
        retry.run(() -> routing.giveDefaultQueues(registered.gameId(), chinese));
    }
}
