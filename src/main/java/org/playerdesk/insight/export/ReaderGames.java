package org.playerdesk.insight.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The games an export may cover for its reader: the ones asked for, each of which the reader must
 * serve (else not found, as the console answers for another game's ticket), or all they serve.
 */
@Component
class ReaderGames {

    private final GameCatalog games;

    ReaderGames(GameCatalog games) {
        this.games = games;
    }

    /** Every game the reader serves, by name. */
    List<GameInfo> served(StaffUser reader) {
        Set<UUID> scope = reader.gameScope();
        List<GameInfo> all = scope == null ? games.all() : games.all(scope);
        List<GameInfo> sorted = new ArrayList<>(all);
        sorted.sort(java.util.Comparator.comparing(GameInfo::name));
        return sorted;
    }

    /** The games asked for by id (none: all the reader serves); an id of a game not served is not found. */
    Set<UUID> chosen(StaffUser reader, List<String> asked) {
        Set<UUID> chosen = new LinkedHashSet<>();
        if (asked != null) {
            for (String text : asked) {
                if (text == null || text.isBlank()) {
                    continue;
                }
                UUID id;
                try {
                    id = UUID.fromString(text.strip());
                } catch (IllegalArgumentException notAnId) {
                    throw new NotFoundException("game", text);
                }
                if (!reader.serves(id) || games.all(Set.of(id)).isEmpty()) {
                    throw new NotFoundException("game", id);
                }
                chosen.add(id);
            }
        }
        if (chosen.isEmpty()) {
            served(reader).forEach(game -> chosen.add(game.id()));
        }
        return chosen;
    }
}
