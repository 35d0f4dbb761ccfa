package org.playerdesk.chat.internal;

import java.util.Map;

import org.playerdesk.chat.ChatDesk;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.messaging.web.socket.server.CsrfTokenHandshakeInterceptor;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Real time: STOMP over WebSocket. Players connect at {@code /chat/ws} (from the games' pages and
 * web views), agents at {@code /console/chat/ws} (same origin, console session). One node uses
 * the in-memory simple broker; with {@code playerdesk.chat.relay.enabled} every node relays to
 * RabbitMQ's STOMP plugin, so a player on one node and an agent on another hear each other.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
@EnableConfigurationProperties(ChatProperties.class)
class ChatRealtimeConfiguration implements WebSocketMessageBrokerConfigurer {

    /** A STOMP frame larger than this closes the connection: a message is at most a few KB of text. */
    static final int FRAME_MAX = 32 * 1024;

    private final ChatProperties properties;
    private final ObjectProvider<ChatDesk> desk;
    private final ObjectProvider<ChatWords> words;

    ChatRealtimeConfiguration(ChatProperties properties, ObjectProvider<ChatDesk> desk, ObjectProvider<ChatWords> words) {
        this.properties = properties;
        this.desk = desk;
        this.words = words;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/chat/ws").setAllowedOriginPatterns(properties.allowedOrigins())
                .addInterceptors(side(ChatGate.PLAYER));
        registry.addEndpoint("/console/chat/ws").addInterceptors(new CsrfTokenHandshakeInterceptor(),
                side(ChatGate.AGENT));
        registry.setErrorHandler(new ChatErrors(words.getObject()));
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        // and what is sent to one connection arrives in the order it was published
        registry.setPreservePublishOrder(true);
        registry.setUserDestinationPrefix("/user");
        // Spring's default of 1,024 remembered destinations: with thousands of live chats nearly every
        // message missed it and scanned all subscriptions (5,000 chats: 80 % of a message's time)
        registry.setCacheLimit(properties.brokerDestinations());
        ChatProperties.Relay relay = properties.relay();
        if (relay.enabled()) {
            registry.enableStompBrokerRelay("/topic", "/queue")
                    .setRelayHost(relay.host()).setRelayPort(relay.port())
                    .setClientLogin(relay.login()).setClientPasscode(relay.passcode())
                    .setSystemLogin(relay.login()).setSystemPasscode(relay.passcode())
                    .setVirtualHost(relay.virtualHost());
        } else {
            ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
            heartbeats.setPoolSize(1);
            heartbeats.setThreadNamePrefix("chat-heartbeat-");
            // not a bean, so nothing shuts it down: a daemon thread, so that a node whose start
            // fails (a database out of reach, a secret no configured key opens) exits instead of
            // hanging without answering
            heartbeats.setDaemon(true);
            heartbeats.initialize();
            registry.enableSimpleBroker("/topic", "/queue").setHeartbeatValue(new long[] { 10000, 10000 })
                    .setTaskScheduler(heartbeats);
        }
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new ChatGate(desk));
        // a message waits on the database (lock the chat, store the line): more threads than
        // cores keep the cores busy, bounded well under the connection pool
        registration.taskExecutor().corePoolSize(properties.inboundThreads()).maxPoolSize(properties.inboundThreads());
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(FRAME_MAX);
    }

    private static HandshakeInterceptor side(String side) {
        return new HandshakeInterceptor() {
            @Override
            public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                    WebSocketHandler handler, Map<String, Object> attributes) {
                attributes.put(ChatGate.SIDE, side);
                ChatWords.remember(attributes);
                return true;
            }

            @Override
            public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                    WebSocketHandler handler, Exception exception) {
            }
        };
    }
}
