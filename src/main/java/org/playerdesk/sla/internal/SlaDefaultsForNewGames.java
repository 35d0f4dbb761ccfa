package org.playerdesk.sla.internal;

import org.playerdesk.game.GameRegistered;
import org.playerdesk.sla.SlaPolicies;
import org.playerdesk.system.retry.ConflictRetry;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A newly registered game gets the shipped service-level policies and business calendars as soon as it is registered, not only when they are
 * first asked for; retried when a first use gives the same game its defaults at the same moment.
 */
@Component
class SlaDefaultsForNewGames {

    private final SlaPolicies service;
    private final ConflictRetry retry;

    SlaDefaultsForNewGames(SlaPolicies service, ConflictRetry retry) {
        this.service = service;
        this.retry = retry;
    }

    @Async
    @TransactionalEventListener
    void on(GameRegistered registered) {
        retry.run(() -> service.policies(registered.gameId()));
    }
}
