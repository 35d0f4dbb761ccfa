package org.playerdesk.chat;

import java.util.Optional;
import java.util.UUID;

import org.playerdesk.ticket.Actor;

/**
 * The bot that may answer a chat's first message before the chat joins the queue, without the chat
 * module knowing how articles are found or how a ticket is closed as the bot's deflection (the
 * assist module implements it, so that the dependency runs from there to here). Without such a
 * bean every chat joins the queue at once.
 */
public interface ChatBot {

    /**
     * The article that answers the player's first message, when the game's bot answers in live chat
     * and is sure enough; empty otherwise. Asked outside the chat's transaction: whatever it throws,
     * the chat opens and queues as it would without a bot.
     */
    Optional<Answer> firstAnswer(UUID gameId, String text);

    /**
     * The player says the answer solved their problem: the chat's ticket is closed as the bot's
     * deflection, in the transaction that ends the chat (all of it, or none of it).
     */
    void solved(UUID ticketId, Answer answer, Actor player);

    /**
     * An article offered: its title, a short passage of it as plain text, the address of its page
     * in the help center (a path of this site) and how sure the bot is that it answers (0 to 1).
     */
    record Answer(UUID articleId, String title, String passage, String link, double confidence) {
    }

    /**
     * The bot's answer in a chat and what became of it: {@code offered} (the player has not said
     * yet), {@code solved}, {@code agent} (the player asked for an agent), {@code wrote} (the player
     * wrote again instead), {@code unanswered} (no word within the game's longest wait) or
     * {@code left} (the player ended the chat).
     */
    record Offer(Answer answer, String outcome) {

        public static final String OFFERED = "offered";
        public static final String SOLVED = "solved";
        public static final String AGENT = "agent";
        public static final String WROTE = "wrote";
        public static final String UNANSWERED = "unanswered";
        public static final String LEFT = "left";

        public boolean open() {
            return OFFERED.equals(outcome);
        }

        /** Whether the chat went on to the queue after it. */
        public static boolean queues(String outcome) {
            return AGENT.equals(outcome) || WROTE.equals(outcome) || UNANSWERED.equals(outcome);
        }
    }
}
