package org.playerdesk.knowledge.internal;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameRegistered;
import org.playerdesk.system.retry.ConflictRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Every game gets the default reply kit: a new one when it is registered, older ones at start-up. */
@Component
class ReplyKitDefaults {

    private static final Logger log = LoggerFactory.getLogger(ReplyKitDefaults.class);

    private final ReplyKit kit;
    private final GameCatalog games;
    private final ConflictRetry retry;

    ReplyKitDefaults(ReplyKit kit, GameCatalog games, ConflictRetry retry) {
        this.kit = kit;
        this.games = games;
        this.retry = retry;
    }

    /** Retried when the start-up pass gives the same game its defaults at the same moment. */
    @Async
    @TransactionalEventListener
    void on(GameRegistered registered) {
        retry.run(() -> kit.giveDefaults(games.get(registered.gameId())));
    }

    /** Never stops the start: a game left without defaults gets them at the next start. */
    @EventListener(ApplicationReadyEvent.class)
    void existingGames() {
        for (var game : games.all()) {
            try {
                retry.run(() -> kit.giveDefaults(game));
            } catch (RuntimeException e) {
                log.warn("Reply kit: could not give game {} its defaults now ({})", game.code(), e.toString());
            }
        }
    }
}
