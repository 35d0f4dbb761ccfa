package org.playerdesk.insight.figures;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.chat.ChatEvents.ChatAbandoned;
import org.playerdesk.chat.ChatEvents.ChatAnswered;
import org.playerdesk.chat.ChatEvents.ChatBotOutcome;
import org.playerdesk.chat.ChatEvents.ChatEnded;
import org.playerdesk.chat.ChatEvents.ChatOpened;
import org.playerdesk.chat.ChatEvents.ChatRated;
import org.playerdesk.chat.ChatEvents.ChatTransferred;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts live chats from the chat module's events: chats queued, answered (with the wait),
 * abandoned, each agent's holds (with their length) and the most chats they held at once, and
 * the players' ratings. Each is keyed by the chat and what happened to it, so an event delivered
 * twice counts once.
 */
@Component
class ChatFacts {

    /** A rating of 4 or 5 counts as satisfied. */
    static final int SATISFIED = 4;

    private final TicketFacts facts;

    ChatFacts(TicketFacts facts) {
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(ChatOpened event) {
        // outside service hours a chat is a ticket from its first message: no agent was asked to take it;
        // a chat the bot answered first counts if and when it queues after all
        if (event.queued()) {
            facts.count("chat:" + event.chatId(), event.gameId(), event.at(), Metric.CHATS, null, 1);
        }
    }

    /**
     * The bot answered the chat's first message before the queue: the chat counts once it joins
     * the queue after all. One the player said it solved is the bot's deflection, counted from its
     * ticket (tagged deflected and resolved), as on the help center: neither queued nor abandoned.
     */
    @ApplicationModuleListener
    void on(ChatBotOutcome event) {
        if (event.queued()) {
            facts.count("chat:" + event.chatId(), event.gameId(), event.at(), Metric.CHATS, null, 1);
        }
    }

    @ApplicationModuleListener
    void on(ChatAnswered event) {
        facts.count("chat-answered:" + event.chatId(), event.gameId(), event.at(), Metric.CHATS_ANSWERED,
                event.agentId(), event.waitSeconds());
        held(event.chatId(), event.gameId(), event.agentId(), event.holding(), event.at());
    }

    @ApplicationModuleListener
    void on(ChatAbandoned event) {
        facts.count("chat-abandoned:" + event.chatId(), event.gameId(), event.at(), Metric.CHATS_ABANDONED, null, 1);
    }

    @ApplicationModuleListener
    void on(ChatTransferred event) {
        facts.count("chat-handle:" + event.chatId() + ":" + event.at(), event.gameId(), event.at(), Metric.CHAT_HANDLE,
                event.fromAgentId(), event.handledSeconds());
        held(event.chatId(), event.gameId(), event.toAgentId(), event.holding(), event.at());
    }

    @ApplicationModuleListener
    void on(ChatEnded event) {
        facts.count("chat-handle:" + event.chatId() + ":end", event.gameId(), event.at(), Metric.CHAT_HANDLE,
                event.agentId(), event.handleSeconds());
    }

    @ApplicationModuleListener
    void on(ChatRated event) {
        facts.count("csat:chat:" + event.chatId(), event.gameId(), event.at(), Metric.CSAT, event.agentId(),
                event.score());
        if (event.score() >= SATISFIED) {
            facts.count("csat-satisfied:chat:" + event.chatId(), event.gameId(), event.at(), Metric.CSAT_SATISFIED,
                    event.agentId(), 1);
        }
    }

    /** How many chats the agent held once they took this one; the roll-up keeps each day's peak. */
    private void held(UUID chat, UUID game, UUID agent, int holding, Instant at) {
        facts.count("chat-held:" + chat + ":" + agent + ":" + at, game, at, Metric.CHAT_PEAK, agent, holding);
    }
}
