package org.playerdesk.survey.internal;

import java.util.List;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.stereotype.Component;

/** The games a reader of the survey pages serves, and the one they chose (another game is absent). */
@Component
class SurveyGames {

    private final GameCatalog games;

    SurveyGames(GameCatalog games) {
        this.games = games;
    }

    List<GameInfo> of(StaffUser reader) {
        return reader.gameScope() == null ? games.all() : games.all(reader.gameScope());
    }

    /** The game of this code when the reader serves it; with no code, the first they serve. */
    GameInfo chosen(String code, StaffUser reader) {
        if (code == null || code.isBlank()) {
            return of(reader).stream().findFirst().orElseThrow(() -> new NotFoundException("game", "served"));
        }
        return games.byCode(code).filter(game -> reader.gameScope() == null || reader.serves(game.id()))
                .orElseThrow(() -> new NotFoundException("game", code));
    }
}
