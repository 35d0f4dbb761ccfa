package org.playerdesk.social.internal;

import org.playerdesk.system.events.OutboxListener;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketEvents.TicketMessagePosted;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.playerdesk.system.secrets.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends an agent's public reply on a social ticket back to the platform it came from: a generic
 * source's reply callback, WeChat's customer-service message, a Discord follow-up while the
 * interaction's token lasts and a channel message with the bot's token after. Each reply's outcome
 * is written once ({@code social_delivery}: sent, failed with the platform's words, or not sent
 * where the platform has no way back), so a redelivered event sends nothing twice and the ticket
 * page shows what happened. The ticket module knows nothing of this: it only published the event.
 */
@Component
class SocialReplies {

    private static final Logger log = LoggerFactory.getLogger(SocialReplies.class);
    /** How long Discord accepts follow-ups with an interaction's token. */
    static final Duration INTERACTION_TOKEN_LIFE = Duration.ofMinutes(15);

    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String MANUAL = "manual";

    private final JdbcClient jdbc;
    private final TicketQueries tickets;
    private final SocialSources sources;
    private final WeChatApi wechat;
    private final DiscordApi discord;
    private final ForumCallbacks forums;
    private final Clock clock;
    private final Secrets secrets;

    SocialReplies(JdbcClient jdbc, TicketQueries tickets, SocialSources sources, WeChatApi wechat,
            DiscordApi discord, ForumCallbacks forums, Clock clock, Secrets secrets) {
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.sources = sources;
        this.wechat = wechat;
        this.discord = discord;
        this.forums = forums;
        this.clock = clock;
    }

    /** The conversation a ticket came from, with where its answers go. */
    record Thread(UUID id, UUID sourceId, String threadKey, String replyTo, String replyToken, Instant replyTokenAt,
            String channelId) {
    }

    @OutboxListener
    void on(TicketMessagePosted posted) {
        if (posted.visibility() != Visibility.PUBLIC || posted.by() != Actor.Kind.AGENT) {
            return;
        }
        Optional<Thread> thread = threadOf(posted.ticketId());
        if (thread.isEmpty() || delivered(posted.messageId())) {
            return;
        }
        Optional<MessageView> message = tickets.message(posted.ticketId(), posted.messageId());
        if (message.isEmpty()) {
            return;
        }
        Source source = sources.get(thread.get().sourceId());
        String state;
        String error = null;
        try {
            state = deliver(source, thread.get(), message.get(), posted.ticketId()) ? SENT : MANUAL;
        } catch (DeliveryFailed | IllegalArgumentException e) {
            log.warn("The reply {} on ticket {} did not reach {}: {}", posted.messageId(), posted.ticketId(),
                    source.platform().code(), e.getMessage());
            state = FAILED;
            error = PlatformHttp.shortened(e.getMessage());
        }
        jdbc.sql("insert into social_delivery (message_id, ticket_id, state, error, at) values (:m, :t, :s, :e, :at)")
                .param("m", posted.messageId()).param("t", posted.ticketId()).param("s", state).param("e", error)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    /** Sends the reply; false when this conversation has no way back (the agent answers on the platform). */
    private boolean deliver(Source source, Thread thread, MessageView message, UUID ticketId) {
        String text = message.body();
        switch (source.platform()) {
            case GENERIC -> {
                if (thread.replyTo() == null) {
                    return false;
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("threadId", thread.threadKey());
                body.put("ticketNumber", tickets.head(ticketId).number());
                body.put("text", text);
                body.put("author", message.authorName());
                forums.call(source, thread.replyTo(), body, message.id().toString());
                return true;
            }
            case WECHAT -> {
                if (source.appId() == null || source.appSecret() == null) {
                    return false;
                }
                wechat.sendText(source, thread.replyTo(), text);
                return true;
            }
            case DISCORD -> {
                if (thread.replyToken() != null && thread.replyTokenAt() != null
                        && clock.instant().isBefore(thread.replyTokenAt().plus(INTERACTION_TOKEN_LIFE))) {
                    discord.followUp(source.appId(), thread.replyToken(), text);
                    return true;
                }
                if (source.appSecret() != null && thread.channelId() != null) {
                    discord.channelMessage(source.appSecret(), thread.channelId(), text);
                    return true;
                }
                return false;
            }
        }
        return false;
    }

    Optional<Thread> threadOf(UUID ticketId) {
        return jdbc.sql("""
                select id, source_id, thread_key, reply_to, reply_token, reply_token_at, channel_id
                from social_thread where ticket_id = :ticket
                """).param("ticket", ticketId).query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("reply_token_at");
                    return new Thread(rs.getObject("id", UUID.class), rs.getObject("source_id", UUID.class),
                            rs.getString("thread_key"), rs.getString("reply_to"), secrets.open(rs.getString("reply_token")),
                            at == null ? null : at.toInstant(), rs.getString("channel_id"));
                }).optional();
    }

    private boolean delivered(UUID messageId) {
        return jdbc.sql("select count(*) from social_delivery where message_id = :m").param("m", messageId)
                .query(Long.class).single() > 0;
    }
}
