package org.playerdesk.survey;

import org.playerdesk.system.entity.Coded;

/**
 * Why a player was not satisfied, as a survey offers it to tick (named in both languages,
 * {@code survey.reason.<code>}). The list is fixed, so that reasons add up across games; each game
 * chooses which of them its surveys offer. They follow the seeds' channel scorecard: the wait, the
 * agent's attitude and wording, whether the answer helped and solved it, or the game itself.
 */
public enum ReasonCode implements Coded {
    SLOW("slow"),
    UNFRIENDLY("unfriendly"),
    WORDING("wording"),
    UNHELPFUL("unhelpful"),
    NOT_SOLVED("not-solved"),
    GAME_ISSUE("game-issue");

    private final String code;

    ReasonCode(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
