package org.playerdesk.chat.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.chat.ChatLine;
import org.playerdesk.chat.ChatStatus;
import org.playerdesk.chat.ChatView;
import org.playerdesk.game.GameCatalog;
import org.springframework.stereotype.Component;

/**
 * What the clients of a chat are told as it happens: a new line, a change of status, a change in
 * a game's queue. Each goes out after the transaction that stored it commits.
 */
@Component
public class ChatSignals {

    private final ChatBroadcast broadcast;
    private final GameCatalog games;

    ChatSignals(ChatBroadcast broadcast, GameCatalog games) {
        this.broadcast = broadcast;
        this.games = games;
    }

    public void deliver(ChatLine line) {
        broadcast.toChat(line.sessionId(), event("message", "line", line));
    }

    public void statusChanged(ChatSession session) {
        ChatView view = session.view();
        Map<String, Object> event = event("status", "status", view.status().code());
        if (view.agentName() != null) {
            event.put("agent", view.agentName());
        }
        if (view.rating() != null) {
            event.put("rating", view.rating());
        }
        if (view.status() == ChatStatus.TICKET) {
            event.put("followLink", followLink(games.get(session.gameId()).code(), session.followToken()));
        }
        broadcast.toChat(session.getId(), event);
    }

    public void queueChanged(UUID gameId) {
        broadcast.toQueue(gameId, event("queue", "game", gameId.toString()));
    }

    public static Map<String, Object> event(String type, Object... pairs) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        for (int i = 0; i < pairs.length; i += 2) {
            event.put((String) pairs[i], pairs[i + 1]);
        }
        return event;
    }

    public static String followLink(String game, String token) {
        return token == null ? null : "/help/" + game + "/t/" + token;
    }
}
