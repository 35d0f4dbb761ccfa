package org.playerdesk.enforcement;

import java.util.List;
import java.util.UUID;

/**
 * A kind of violation with its penalty ladders: {@code ladder} for everyone, {@code partnerLadder}
 * for players of a partner channel (empty: they follow the common ladder); {@code starts} says at
 * which step each severity starts.
 */
public record ViolationTypeView(UUID id, UUID gameId, String code, String name, List<Rung> ladder,
        List<Rung> partnerLadder, Starts starts) {

    /**
     * The step (from 1) of the ladder at which a violation of each severity starts: the step it
     * reaches is the later of this one and the one its count gives, and never beyond the ladder's end.
     */
    public record Starts(int minor, int normal, int severe) {

        public static final Starts FIRST = new Starts(1, 1, 1);

        public int of(Severity severity) {
            return switch (severity) {
                case MINOR -> minor;
                case NORMAL -> normal;
                case SEVERE -> severe;
            };
        }
    }

    /**
     * The step (from 0) a player's next violation of this type reaches: {@code earlier} violations
     * of the type before, at least the severity's start, at most the ladder's last rung.
     */
    public static int step(List<Rung> ladder, long earlier, Starts starts, Severity severity) {
        long byCount = Math.max(earlier, starts.of(severity) - 1L);
        return (int) Math.min(byCount, ladder.size() - 1L);
    }

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
