package org.playerdesk.quality.internal;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameProfile;
import org.playerdesk.system.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily QA draw: every {@code playerdesk.quality.draw-interval} (ten minutes) each node draws
 * yesterday's conversations of each game that has no draw for it yet (in the game's time zone);
 * a day is drawn once, whichever node gets there first.
 */
@Component
class DailyDraw {

    private static final Logger log = LoggerFactory.getLogger(DailyDraw.class);

    private final Sampler sampler;
    private final GameCatalog games;

    DailyDraw(Sampler sampler, GameCatalog games) {
        this.sampler = sampler;
        this.games = games;
    }

    @Scheduled(initialDelayString = "${playerdesk.quality.draw-interval:10m}",
            fixedDelayString = "${playerdesk.quality.draw-interval:10m}")
    void sweep() {
        DatabaseUnavailable.tolerate(log, "Yesterday's conversations not drawn for review yet", this::drawYesterday);
    }

    /** Draws yesterday's conversations of every game not archived that has no draw for it; how many drew. */
    int drawYesterday() {
        int drawn = 0;
        for (GameProfile game : games.profiles()) {
            if (!game.archived() && sampler.find(game.id(), sampler.yesterday(game.id())).isEmpty()) {
                Sampler.Draw draw = sampler.draw(game.id(), sampler.yesterday(game.id()), null);
                log.info("{} conversations of {} drawn for review", draw.picks().size(), game.code());
                drawn++;
            }
        }
        return drawn;
    }
}
