package org.playerdesk.game.internal.simulated;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.playerdesk.game.GameBackend;
import org.springframework.stereotype.Component;

/**
 * The built-in simulated game backends, one per game code. Each game's accounts are generated
 * from its code, anchored at the start of the current day (UTC), so the same code gives the same
 * data; what agents do to the accounts is kept in the database (simulated_game_action) and laid
 * over that data on every lookup, so it survives restarts and is the same on every node.
 */
@Component
public class SimulatedGames {

    private final SimulatedActionStore actions;
    private final Clock clock;
    private final Cache<String, SimulatedWorld> worlds = Caffeine.newBuilder().maximumSize(20).build();

    SimulatedGames(SimulatedActionStore actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    public GameBackend backend(String gameCode) {
        return new SimulatedGameBackend(gameCode, this, actions, clock);
    }

    SimulatedWorld world(String gameCode) {
        Instant anchor = clock.instant().truncatedTo(ChronoUnit.DAYS);
        return worlds.get(gameCode + "@" + anchor, key -> new SimulatedWorld(gameCode, anchor));
    }
}
