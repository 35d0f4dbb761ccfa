package org.playerdesk.survey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A survey as a channel shows it to the player: the question in the player's language, the
 * reasons the game offers (code and words), until when it may be answered and the signed token
 * an answer must carry; or, once answered, the answer (then there is no token).
 */
public record SurveyInvite(UUID ticketId, State state, String question, List<Reason> reasons, Instant expiresAt,
        String token, SurveyAnswer answer) {

    /** Open to an answer, answered, or past its time without one. */
    public enum State {
        OPEN, ANSWERED, EXPIRED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A reason to tick, with its words in the player's language. */
    public record Reason(String code, String label) {
    }

    public SurveyInvite {
        reasons = List.copyOf(reasons);
    }

    public boolean open() {
        return state == State.OPEN;
    }
}
