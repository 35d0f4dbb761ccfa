package org.playerdesk.knowledge.internal;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameRegistered;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Every game gets the default reply kit: a new one when it is registered, older ones at start-up. */
@Component
class ReplyKitDefaults {

    private final ReplyKit kit;
    private final GameCatalog games;

    ReplyKitDefaults(ReplyKit kit, GameCatalog games) {
        this.kit = kit;
        this.games = games;
    }

    @ApplicationModuleListener
    void on(GameRegistered registered) {
        kit.giveDefaults(registered.gameId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void existingGames() {
        games.all().forEach(game -> kit.giveDefaults(game.id()));
    }
}
