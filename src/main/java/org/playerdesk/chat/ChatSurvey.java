package org.playerdesk.chat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What a game asks the player when a live chat ends, without the chat module knowing how a game's
 * surveys are set up (the survey module implements it, so that the dependency runs from there to
 * here). Without such a bean the widget asks in its own words and offers no reasons.
 */
public interface ChatSurvey {

    /** The question at the end of this game's live chats, in this language; empty when its surveys do not ask there. */
    Optional<Question> question(UUID gameId, Locale locale);

    /** The question and the reasons a player may tick, in the player's language. */
    record Question(String text, List<Reason> reasons) {

        public Question {
            reasons = List.copyOf(reasons);
        }

        /** Whether a reason of this code is offered. */
        public boolean offers(String code) {
            return reasons.stream().anyMatch(reason -> reason.code().equals(code));
        }
    }

    /** A reason to tick: its code and its words. */
    record Reason(String code, String label) {
    }
}
