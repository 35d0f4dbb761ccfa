package org.playerdesk.chat.internal;

import java.security.Principal;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatRefused;
import org.playerdesk.chat.ChatView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.messaging.web.csrf.XorCsrfChannelInterceptor;

/**
 * Who may connect, subscribe and send. The two endpoints mark their connections: an agent's
 * STOMP CONNECT must carry the console's CSRF token and comes with the console session's sign-in;
 * a player's carries the chat id and token ({@code chat-session}, {@code chat-token}). A player
 * subscribes to their own chat only; an agent to chats and queues of the games they serve and to
 * their own offers. A refusal is an ERROR frame whose message says why.
 */
class ChatGate implements ChannelInterceptor {

    static final String SIDE = "playerdesk.chat.side";
    static final String AGENT = "agent";
    static final String PLAYER = "player";

    private final ObjectProvider<ChatDesk> desk;
    private final XorCsrfChannelInterceptor csrf = new XorCsrfChannelInterceptor();

    ChatGate(ObjectProvider<ChatDesk> desk) {
        this.desk = desk;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) {
            return message;
        }
        Map<String, Object> attributes = accessor.getSessionAttributes();
        Object side = attributes == null ? null : attributes.get(SIDE);
        switch (accessor.getCommand()) {
            case CONNECT -> connect(message, channel, accessor, side);
            case SUBSCRIBE -> subscribe(accessor.getUser(), accessor.getDestination());
            case SEND -> send(accessor.getUser(), accessor.getDestination());
            default -> {
            }
        }
        return message;
    }

    private void connect(Message<?> message, MessageChannel channel, StompHeaderAccessor accessor, Object side) {
        if (AGENT.equals(side)) {
            csrf.preSend(message, channel);
            if (!(accessor.getUser() instanceof Authentication auth) || !(auth.getPrincipal() instanceof StaffUser)) {
                throw new ChatRefused("chat.sign-in", "sign in to the console first");
            }
            return;
        }
        if (!PLAYER.equals(side)) {
            throw new ChatRefused("chat.endpoint", "unknown endpoint");
        }
        UUID sessionId;
        try {
            sessionId = UUID.fromString(String.valueOf(accessor.getFirstNativeHeader("chat-session")));
        } catch (IllegalArgumentException e) {
            throw new ChatRefused("chat.token.invalid", "this chat does not exist or the token is wrong");
        }
        ChatView chat = desk.getObject().authenticate(sessionId, accessor.getFirstNativeHeader("chat-token"));
        accessor.setUser(new ChatPlayer(chat.id(), chat.gameId()));
    }

    private void subscribe(Principal user, String destination) {
        String where = destination == null ? "" : destination;
        if (where.equals("/user/queue/errors")) {
            return;
        }
        if (user instanceof ChatPlayer player) {
            if (where.equals(ChatBroadcast.chat(player.sessionId()))) {
                return;
            }
        } else if (staff(user) instanceof StaffUser agent) {
            UUID id = idAfter(where, "/topic/chat.");
            if (id != null && desk.getObject().mayWatch(agent.member(), id)) {
                return;
            }
            id = idAfter(where, "/topic/chat-queue.");
            if (id != null && agent.serves(id)) {
                return;
            }
            if (where.equals(ChatBroadcast.agent(agent.id()))) {
                return;
            }
        }
        throw new ChatRefused("chat.subscribe.refused", "you may not subscribe to " + where, where);
    }

    private void send(Principal user, String destination) {
        if (user == null || destination == null || !destination.startsWith("/app/")) {
            throw new ChatRefused("chat.send.refused", "messages go to /app destinations only");
        }
    }

    static StaffUser staff(Principal user) {
        return user instanceof Authentication auth && auth.getPrincipal() instanceof StaffUser staff ? staff : null;
    }

    private static UUID idAfter(String destination, String prefix) {
        if (!destination.startsWith(prefix)) {
            return null;
        }
        try {
            return UUID.fromString(destination.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
