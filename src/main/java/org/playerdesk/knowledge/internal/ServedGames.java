package org.playerdesk.knowledge.internal;

import java.util.List;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The games a member of staff may see in the knowledge console, and may write for. A game one
 * does not serve is answered as absent, like an article that does not exist.
 */
@Component
class ServedGames {

    private final GameCatalog games;

    ServedGames(GameCatalog games) {
        this.games = games;
    }

    List<GameInfo> of(StaffUser me) {
        return games.servedBy(me.gameScope());
    }

    /** The game of this code, or the first one served when no code is given. */
    GameInfo chosen(String code, StaffUser me) {
        return games.chosen(code, me.gameScope());
    }

    GameInfo readable(UUID gameId, StaffUser me) {
        if (me.gameScope() != null && !me.serves(gameId)) {
            throw new NotFoundException("game", gameId);
        }
        return games.get(gameId);
    }

    /** A game whose articles and reply kit this person writes: served, and working its tickets. */
    GameInfo writable(UUID gameId, StaffUser me) {
        GameInfo game = readable(gameId, me);
        if (!me.can(Permission.WORK_TICKETS)) {
            throw new AccessDeniedException("writing for a game needs WORK_TICKETS");
        }
        return game;
    }

    GameInfo writable(String code, StaffUser me) {
        return writable(chosen(code, me).id(), me);
    }

    static void adminOnly(StaffUser me) {
        if (!me.can(Permission.MANAGE_STAFF)) {
            throw new AccessDeniedException("administrators only");
        }
    }
}
