package org.playerdesk.chat.internal;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatRefused;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.Sender;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.ratelimit.RateLimit;
import org.playerdesk.system.ratelimit.RateLimiter;
import org.playerdesk.system.ratelimit.RateLimiters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * What clients send over STOMP: messages, typing, read state. Both sides use the same
 * destinations; who they are comes from the connection. Every refusal goes back to the sender
 * on {@code /user/queue/errors} with a code the widget and console translate, never dropped.
 */
@Controller
class ChatMessaging {

    private static final Logger log = LoggerFactory.getLogger(ChatMessaging.class);

    private final ChatDesk desk;
    private final ChatSeats seats;
    private final RateLimiter perConnection;
    private final RateLimiter perPlayer;
    private final ChatWords words;

    ChatMessaging(ChatDesk desk, ChatSeats seats, ChatProperties properties, RateLimiters limiters, ChatWords words) {
        this.desk = desk;
        this.words = words;
        this.seats = seats;
        this.perConnection = limiters.limiter(
                RateLimit.perWindow("chat-connection", properties.perConnection(), properties.ratePeriod()));
        this.perPlayer = limiters.limiter(
                RateLimit.perWindow("chat-player", properties.perPlayer(), properties.ratePeriod()));
    }

    record Outgoing(String clientId, String body) {
    }

    record Read(long seq) {
    }

    @MessageMapping("/chat/{chat}/send")
    void send(@DestinationVariable UUID chat, @Payload Outgoing message, Principal user,
            @Header("simpSessionId") String connection) {
        Sender sender = sender(user);
        if (!perConnection.take(connection).admitted()
                || (sender.player() && !perPlayer.take(chat.toString()).admitted())) {
            throw new ChatRefused("chat.rate-limited", "too many messages; wait a few seconds");
        }
        desk.post(chat, sender, message.clientId(), message.body(), null);
    }

    @MessageMapping("/chat/{chat}/typing")
    void typing(@DestinationVariable UUID chat, Principal user) {
        desk.typing(chat, sender(user));
    }

    @MessageMapping("/chat/{chat}/read")
    void read(@DestinationVariable UUID chat, @Payload Read read, Principal user) {
        desk.read(chat, sender(user), read.seq());
    }

    @MessageExceptionHandler
    @SendToUser(destinations = "/queue/errors", broadcast = false)
    Map<String, Object> refused(Exception e, org.springframework.messaging.Message<?> message) {
        Map<String, Object> error = new LinkedHashMap<>();
        switch (e) {
            case ChatRefused r -> error.put("code", r.code());
            case RuleViolation r -> error.put("code", r.code());
            case NotFoundException n -> error.put("code", "chat.not-found");
            case InvalidInput i -> {
                error.put("code", "chat.invalid");
                error.put("errors", i.errors());
            }
            default -> {
                log.warn("Chat message refused", e);
                error.put("code", "chat.failed");
            }
        }
        // in the language of whoever opened the connection; never the exception's own text
        error.put("message", words.text(e, ChatWords.locale(message)));
        if (message.getPayload() instanceof byte[] bytes) {
            error.put("clientId", clientIdOf(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
        }
        return error;
    }

    /** An agent's console connecting is a sign of life, like its heartbeat. */
    @EventListener
    void connected(SessionConnectedEvent event) {
        StaffUser staff = event.getUser() == null ? null : ChatGate.staff(event.getUser());
        if (staff != null) {
            seats.heartbeat(staff.id());
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        perConnection.forget(event.getSessionId());
    }

    private static Sender sender(Principal user) {
        if (user instanceof ChatPlayer player) {
            return Sender.player(player.sessionId());
        }
        StaffUser staff = ChatGate.staff(user);
        if (staff == null) {
            throw new ChatRefused("chat.sign-in", "not signed in");
        }
        return Sender.agent(staff);
    }

    /** The client id of a refused message, so the sender can mark that one message as not sent. */
    private static String clientIdOf(String json) {
        var matcher = java.util.regex.Pattern.compile("\"clientId\"\\s*:\\s*\"([A-Za-z0-9_.:-]{1,64})\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }
}
