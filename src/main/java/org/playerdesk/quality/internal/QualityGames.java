package org.playerdesk.quality.internal;

import java.util.List;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.springframework.stereotype.Component;

/** The games the quality pages offer a member of staff: those they serve; another game is answered as absent. */
@Component
class QualityGames {

    /** A game to choose. */
    record GameChoice(String code, String name) {
    }

    private final GameCatalog games;

    QualityGames(GameCatalog games) {
        this.games = games;
    }

    List<GameInfo> served(StaffUser me) {
        return games.servedBy(me.gameScope());
    }

    List<GameChoice> choices(StaffUser me) {
        return served(me).stream().map(g -> new GameChoice(g.code(), g.name())).toList();
    }

    /** The game of this code, or the first one served when no code is given. */
    GameInfo chosen(String code, StaffUser me) {
        return games.chosen(code, me.gameScope());
    }
}
