package org.playerdesk.chat.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code playerdesk.chat.*}: limits of the live chat and how its real-time messages travel.
 *
 * @param messageMax the longest message, in characters
 * @param imageMaxSize the largest image a player or agent may send
 * @param perConnection messages one WebSocket connection may send per {@code ratePeriod}
 * @param perPlayer messages one chat's player may send per {@code ratePeriod}, over all their connections
 * @param ratePeriod the window of both rate limits
 * @param identityMaxAge how old a signed identity may be
 * @param identityMaxAhead how far ahead of this server's clock a signed identity's time may be (the
 *        game server's clock running fast)
 * @param minutesPerChat the expected handling time used to tell a waiting player how long they will wait
 * @param defaultCapacity chats an agent takes at once until they change it
 * @param allowedOrigins the pages that may open the player's WebSocket (the games' sites and web views)
 * @param relay the STOMP broker relay (RabbitMQ's STOMP plugin) used when several nodes run
 * @param inboundThreads threads handling players' and agents' incoming real-time messages (each
 *        stores a line): keep it below the database connection pool
 * @param presenceTimeout how long an agent's console may stay silent (no heartbeat, no connection)
 *        before the agent counts as offline and gets no new chats
 * @param transcriptWait how long a live chat's line may wait before it is written to the chat's
 *        ticket: each line is stored and delivered at once, and the ticket page shows the lines
 *        still waiting; the longer the wait, the more lines one write to the ticket carries
 * @param brokerDestinations destinations (one per live chat, agent and game) whose subscribers the
 *        one-node broker keeps at hand; a message to a destination beyond them is matched against
 *        every subscription of every connection, so keep it above the number of live chats
 */
@ConfigurationProperties("playerdesk.chat")
public record ChatProperties(Integer messageMax, DataSize imageMaxSize, Integer perConnection, Integer perPlayer,
        Duration ratePeriod, Duration identityMaxAge, Integer minutesPerChat, Integer defaultCapacity,
        String[] allowedOrigins, Relay relay, Integer inboundThreads, Duration presenceTimeout,
        Duration transcriptWait, Integer brokerDestinations, Duration identityMaxAhead) {

    public ChatProperties {
        messageMax = messageMax == null ? 1000 : messageMax;
        imageMaxSize = imageMaxSize == null ? DataSize.ofMegabytes(5) : imageMaxSize;
        perConnection = perConnection == null ? 20 : perConnection;
        perPlayer = perPlayer == null ? 30 : perPlayer;
        ratePeriod = ratePeriod == null ? Duration.ofSeconds(10) : ratePeriod;
        identityMaxAge = identityMaxAge == null ? Duration.ofMinutes(10) : identityMaxAge;
        identityMaxAhead = identityMaxAhead == null ? Duration.ofSeconds(60) : identityMaxAhead;
        minutesPerChat = minutesPerChat == null ? 3 : minutesPerChat;
        defaultCapacity = defaultCapacity == null ? 3 : defaultCapacity;
        allowedOrigins = allowedOrigins == null ? new String[] { "*" } : allowedOrigins;
        relay = relay == null ? new Relay(false, null, null, null, null, null) : relay;
        inboundThreads = inboundThreads == null ? 12 : inboundThreads;
        presenceTimeout = presenceTimeout == null ? Duration.ofSeconds(90) : presenceTimeout;
        transcriptWait = transcriptWait == null ? Duration.ofSeconds(30) : transcriptWait;
        brokerDestinations = brokerDestinations == null ? 50_000 : brokerDestinations;
    }

    /** Off: the in-memory simple broker of one node. On: every node relays to the same RabbitMQ. */
    public record Relay(boolean enabled, String host, Integer port, String login, String passcode, String virtualHost) {
        public Relay {
            host = host == null ? "127.0.0.1" : host;
            port = port == null ? 61613 : port;
            login = login == null ? "guest" : login;
            passcode = passcode == null ? "guest" : passcode;
            virtualHost = virtualHost == null ? "/" : virtualHost;
        }
    }
}
