package org.playerdesk.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What happens to a chat, each published once in the transaction of the change it reports, so
 * none is lost: reports count them (waits, abandoned chats, handle times, ratings). Times are in
 * whole seconds.
 */
public final class ChatEvents {

    private ChatEvents() {
    }

    /**
     * A player wrote a chat's first message. {@code queued} is false outside service hours, where
     * the chat is a ticket from its first message and no agent is asked to take it, and when the
     * bot answered the message first ({@link ChatBotOutcome} says whether the chat queued after).
     */
    public record ChatOpened(UUID chatId, UUID gameId, boolean queued, Instant at) {
    }

    /**
     * An agent took a waiting chat, {@code waitSeconds} after the player's first message;
     * {@code holding} is how many chats the agent holds with this one.
     */
    public record ChatAnswered(UUID chatId, UUID gameId, UUID agentId, long waitSeconds, int holding, Instant at) {
    }

    /**
     * A waiting chat no agent took: the player left ({@code becameTicket} false) or it waited past
     * the game's longest wait and became a ticket.
     */
    public record ChatAbandoned(UUID chatId, UUID gameId, boolean becameTicket, long waitSeconds, Instant at) {
    }

    /**
     * An agent handed an active chat to a colleague after holding it {@code handledSeconds};
     * {@code holding} is how many chats the colleague holds with this one.
     */
    public record ChatTransferred(UUID chatId, UUID gameId, UUID fromAgentId, long handledSeconds, UUID toAgentId,
            int holding, Instant at) {
    }

    /**
     * What became of the bot's answer to a chat's first message ({@link ChatBot.Offer}'s outcomes):
     * {@code solved} ended the chat and closed its ticket as the bot's deflection; {@code agent},
     * {@code wrote} and {@code unanswered} put the chat in the queue at {@code at}; {@code left}
     * ended it without a word on the answer.
     */
    public record ChatBotOutcome(UUID chatId, UUID gameId, UUID ticketId, UUID articleId, String title,
            double confidence, String outcome, Instant at) {

        public boolean solved() {
            return ChatBot.Offer.SOLVED.equals(outcome);
        }

        /** Whether the chat joined the queue with it. */
        public boolean queued() {
            return ChatBot.Offer.queues(outcome);
        }
    }

    /** An active chat ended; {@code handleSeconds} is how long its last agent held it. */
    public record ChatEnded(UUID chatId, UUID gameId, UUID agentId, long handleSeconds, Instant at) {
    }

    /**
     * The player rated an ended chat, 1 to 5, with an optional comment and the codes of the reasons
     * they ticked; {@code agentId} is its last agent, null if none took it; {@code ticketId} the
     * chat's ticket (the rating is its survey answer).
     */
    public record ChatRated(UUID chatId, UUID gameId, UUID agentId, int score, Instant at, UUID ticketId,
            String comment, List<String> reasons) {

        public ChatRated {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        public ChatRated(UUID chatId, UUID gameId, UUID agentId, int score, Instant at) {
            this(chatId, gameId, agentId, score, at, null, null, List.of());
        }
    }
}
