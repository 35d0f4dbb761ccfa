package org.playerdesk.social.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.playerdesk.access.StaffUser;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Beside a social ticket's conversation: where it came from (the platform, the source, the post's
 * link), whether an agent's reply goes back through the platform or must be written there, and how
 * each reply sent back fared (a failure with the platform's words). Nothing for other tickets.
 */
@Component
class SocialPanel implements TicketPanel {

    record Delivery(String state, String error, Instant at) {
    }

    record Data(String platform, String sourceName, String url, boolean replies, List<Delivery> deliveries) {

        public boolean answerOnPlatform() {
            return !replies;
        }
    }

    private final JdbcClient jdbc;
    private final SocialReplies replies;
    private final SocialSources sources;
    private final Clock clock;

    SocialPanel(JdbcClient jdbc, SocialReplies replies, SocialSources sources, Clock clock) {
        this.jdbc = jdbc;
        this.replies = replies;
        this.sources = sources;
        this.clock = clock;
    }

    @Override
    public Place place() {
        return Place.SIDE;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public String template() {
        return "social/ticket-panel";
    }

    @Override
    public String title() {
        return "social.panel.title";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        Optional<SocialReplies.Thread> found = replies.threadOf(ticket.id());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SocialReplies.Thread thread = found.get();
        Source source = sources.get(thread.sourceId());
        String url = jdbc.sql("""
                select coalesce(t.url, (select p.url from social_post p where p.thread_id = t.id and p.url is not null
                    order by p.received_at desc limit 1)) from social_thread t where t.id = :id
                """).param("id", thread.id()).query(String.class).optional().orElse(null);
        List<Delivery> deliveries = jdbc.sql("""
                select state, error, at from social_delivery where ticket_id = :ticket order by at desc limit 20
                """).param("ticket", ticket.id()).query((rs, n) -> new Delivery(rs.getString("state"),
                        rs.getString("error"), rs.getTimestamp("at").toInstant())).list();
        return Optional.of(new Data(source.platform().code(), source.name(), url, canReply(source, thread),
                deliveries));
    }

    private boolean canReply(Source source, SocialReplies.Thread thread) {
        return switch (source.platform()) {
            case GENERIC -> thread.replyTo() != null;
            case WECHAT -> source.appId() != null && source.appSecret() != null;
            case DISCORD -> (thread.replyTokenAt() != null
                    && clock.instant().isBefore(thread.replyTokenAt().plus(SocialReplies.INTERACTION_TOKEN_LIFE)))
                    || (source.appSecret() != null && thread.channelId() != null);
        };
    }

}
