package org.playerdesk.chat.internal;

import java.util.Map;
import java.util.UUID;

import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends chat events to the broker, only after the change is committed: a message is delivered
 * once it is stored, never before. Destinations: {@code /topic/chat.<chat>} for both sides of a
 * chat, {@code /topic/chat-queue.<game>} for the agents of a game, {@code /topic/chat-agent.<staff>}
 * for one agent.
 */
@Component
public class ChatBroadcast {

    private final SimpMessagingTemplate broker;

    ChatBroadcast(SimpMessagingTemplate broker) {
        this.broker = broker;
    }

    public static String chat(UUID sessionId) {
        return "/topic/chat." + sessionId;
    }

    public static String queue(UUID gameId) {
        return "/topic/chat-queue." + gameId;
    }

    public static String agent(UUID staffId) {
        return "/topic/chat-agent." + staffId;
    }

    public void toChat(UUID sessionId, Map<String, Object> event) {
        afterCommit(chat(sessionId), event);
    }

    public void toQueue(UUID gameId, Map<String, Object> event) {
        afterCommit(queue(gameId), event);
    }

    public void toAgent(UUID staffId, Map<String, Object> event) {
        afterCommit(agent(staffId), event);
    }

    /** Typing indicators are not stored; they go out at once. */
    public void now(String destination, Map<String, Object> event) {
        broker.convertAndSend(destination, (Object) event);
    }

    private void afterCommit(String destination, Map<String, Object> event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    broker.convertAndSend(destination, (Object) event);
                }
            });
        } else {
            broker.convertAndSend(destination, (Object) event);
        }
    }
}
