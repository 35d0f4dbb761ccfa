package org.playerdesk.enforcement;

import java.util.List;
import java.util.UUID;

/**
 * A kind of violation with its penalty ladders: {@code ladder} for everyone, {@code partnerLadder}
 * for players of a partner channel (empty: they follow the common ladder).
 */
public record ViolationTypeView(UUID id, UUID gameId, String code, String name, List<Rung> ladder,
        List<Rung> partnerLadder) {

    /** One rung: a penalty, with days for a temporary ban. */
    public record Rung(Penalty penalty, Integer days) {

        /** As an editor writes it: {@code warning}, {@code ban 7}, {@code permanent_ban}, {@code review}. */
        public String text() {
            return days == null ? penalty.code() : penalty.code() + " " + days;
        }
    }

    /** The ladder for this player: the partner ladder for partner-channel players when there is one. */
    public List<Rung> ladderFor(boolean partner) {
        return partner && !partnerLadder.isEmpty() ? partnerLadder : ladder;
    }

    public static String text(List<Rung> ladder) {
        return String.join(", ", ladder.stream().map(Rung::text).toList());
    }
}
