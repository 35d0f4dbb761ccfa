package org.playerdesk.game.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.playerdesk.game.GameInfo;
import org.playerdesk.system.cache.ReferenceCache;
import org.springframework.stereotype.Component;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Every game, kept in memory for what the console shows on every page (the games a reader serves,
 * a ticket's game). An entity listener of {@link Game}: any change written through JPA makes the
 * next reader load the list again; a change another node makes is seen within {@link #KEEP}.
 */
@Component
public class GameList {

    /** How long another node's change may go unseen. */
    static final Duration KEEP = Duration.ofSeconds(5);

    /** The games by name, and by id. */
    public record Games(List<GameInfo> all, Map<UUID, GameInfo> byId) {

        static Games of(List<GameInfo> all) {
            return new Games(all, all.stream().collect(Collectors.toUnmodifiableMap(GameInfo::id, Function.identity())));
        }
    }

    private final ReferenceCache<Games> games = new ReferenceCache<>(KEEP);

    /** The games as kept, or as {@code load} reads them (by name). */
    public Games get(Supplier<List<GameInfo>> load) {
        return games.get(() -> Games.of(load.get()));
    }

    /** The list changed (or is about to, in the current transaction): read it again. */
    public void changed() {
        games.changed();
    }

    /**
     * The entity listener of {@link Game}: JPA makes one of its own (Spring injects this list into
     * it), so it hands every change written through JPA to the list Spring keeps.
     */
    public static class Changes {

        private final GameList list;

        public Changes(GameList list) {
            this.list = list;
        }

        @PostPersist
        @PostUpdate
        @PostRemove
        void changed(Object entity) {
            list.changed();
        }
    }
}
