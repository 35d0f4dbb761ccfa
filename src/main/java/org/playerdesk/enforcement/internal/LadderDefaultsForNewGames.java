package org.playerdesk.enforcement.internal;

import org.playerdesk.game.GameRegistered;
import org.playerdesk.enforcement.Enforcement;
import org.playerdesk.system.retry.ConflictRetry;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A newly registered game gets the shipped violation types and their penalty ladders as soon as it is registered, not only when they are
 * first asked for; retried when a first use gives the same game its defaults at the same moment.
 */
@Component
class LadderDefaultsForNewGames {

    private final Enforcement service;
    private final ConflictRetry retry;

    LadderDefaultsForNewGames(Enforcement service, ConflictRetry retry) {
        this.service = service;
        this.retry = retry;
    }

    @Async
    @TransactionalEventListener
    void on(GameRegistered registered) {
        retry.run(() -> service.types(registered.gameId()));
    }
}
