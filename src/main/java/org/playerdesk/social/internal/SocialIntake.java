package org.playerdesk.social.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.system.secrets.SecretColumn;
import org.playerdesk.system.secrets.Secrets;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a received post into a ticket, all in one transaction before the webhook answers: a post
 * seen before (the platform's retry) changes nothing; the first post of a conversation opens a
 * ticket of channel {@code social} (platform, source, thread and post in its metadata), a later one
 * is the player's reply on it (once that ticket is closed, the conversation goes on in a new one).
 * The author is matched by the platform's user id: the game account staff linked them to, or a
 * contact of their own ({@code <platform>:<user id>}) otherwise. Two
 * posts of a new conversation arriving together meet on the thread's unique key; the loser is run
 * again and continues the winner's ticket.
 */
@Component
class SocialIntake {

    static final int SUBJECT_MAX = 60;

    private final JdbcClient jdbc;
    private final TicketDesk desk;
    private final TicketQueries tickets;
    private final ConflictRetry retry;
    private final Clock clock;
    private final Secrets secrets;

    SocialIntake(JdbcClient jdbc, TicketDesk desk, TicketQueries tickets, ConflictRetry retry, Clock clock,
            Secrets secrets) {
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.desk = desk;
        this.tickets = tickets;
        this.retry = retry;
        this.clock = clock;
    }

    /** A thread's reply token (a Discord interaction's token, valid for a while) is sealed at rest. */
    @Bean
    static SecretColumn socialThreadReplyToken() {
        return new SecretColumn("social_thread", "id", "reply_token");
    }

    Inbound.Received receive(Source source, Inbound post) {
        return retry.call(() -> write(source, post));
    }

    private Inbound.Received write(Source source, Inbound post) {
        Optional<Inbound.Received> seen = jdbc.sql("""
                select p.id, t.ticket_id from social_post p join social_thread t on t.id = p.thread_id
                where p.source_id = :source and p.post_key = :key
                """).param("source", source.id()).param("key", post.postKey())
                .query((rs, n) -> new Inbound.Received(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        tickets.head(rs.getObject(2, UUID.class)).number(), false, true))
                .optional();
        if (seen.isPresent()) {
            return seen.get();
        }
        Instant now = clock.instant();
        Author author = author(source, post);
        Optional<ThreadRow> thread = jdbc.sql("select id, ticket_id from social_thread where source_id = :source and thread_key = :key")
                .param("source", source.id()).param("key", post.threadKey())
                .query((rs, n) -> new ThreadRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).optional();
        UUID threadId;
        TicketView ticket;
        boolean opened;
        TicketView current = thread.map(t -> tickets.head(t.ticketId())).orElse(null);
        if (current != null && current.status() != TicketStatus.CLOSED) {
            threadId = thread.get().id();
            ticket = current;
            desk.reply(ticket.id(), Actor.player(ticket.playerId(), author.name()), post.text(), List.of(), null);
            if (post.replyTo() != null || post.channelId() != null) {
                jdbc.sql("""
                        update social_thread set reply_to = coalesce(:replyTo, reply_to),
                            channel_id = coalesce(:channel, channel_id) where id = :id
                        """).param("id", threadId).param("replyTo", post.replyTo()).param("channel", post.channelId())
                        .update();
            }
            if (post.replyToken() != null) {
                jdbc.sql("update social_thread set reply_token = :token, reply_token_at = :now where id = :id")
                        .param("id", threadId).param("token", secrets.seal(post.replyToken())).param("now", Timestamp.from(now))
                        .update();
            }
            opened = false;
        } else {
            ticket = open(source, post, author);
            if (thread.isPresent()) {
                // the conversation's ticket was closed: a closed ticket takes no reply, so it goes on in a new one
                threadId = thread.get().id();
                jdbc.sql("""
                        update social_thread set ticket_id = :ticket, author_id = :author, reply_to = :replyTo,
                            reply_token = :token, reply_token_at = :tokenAt, channel_id = :channel, url = :url
                        where id = :id
                        """).param("id", threadId).param("ticket", ticket.id()).param("author", author.id())
                        .param("replyTo", post.replyTo()).param("token", secrets.seal(post.replyToken()))
                        .param("tokenAt", post.replyToken() == null ? null : Timestamp.from(now))
                        .param("channel", post.channelId()).param("url", post.url()).update();
            } else {
                threadId = Ids.next();
                jdbc.sql("""
                        insert into social_thread (id, source_id, thread_key, ticket_id, author_id, reply_to,
                            reply_token, reply_token_at, channel_id, url, created_at)
                        values (:id, :source, :key, :ticket, :author, :replyTo, :token, :tokenAt, :channel, :url, :now)
                        """).param("id", threadId).param("source", source.id()).param("key", post.threadKey())
                        .param("ticket", ticket.id()).param("author", author.id()).param("replyTo", post.replyTo())
                        .param("token", secrets.seal(post.replyToken()))
                        .param("tokenAt", post.replyToken() == null ? null : Timestamp.from(now))
                        .param("channel", post.channelId()).param("url", post.url())
                        .param("now", Timestamp.from(now)).update();
            }
            opened = true;
        }
        UUID postId = Ids.next();
        jdbc.sql("""
                insert into social_post (id, source_id, game_id, thread_id, post_key, author_id, kind, body, url, flag,
                    removed, received_at)
                values (:id, :source, :game, :thread, :key, :author, :kind, :body, :url, null, false, :now)
                """).param("id", postId).param("source", source.id()).param("game", source.gameId())
                .param("thread", threadId).param("key", post.postKey()).param("author", author.id())
                .param("kind", post.kind().code).param("body", Texts.abbreviate(post.text(), 10_000))
                .param("url", post.url()).param("now", Timestamp.from(now)).update();
        return new Inbound.Received(postId, ticket.id(), ticket.number(), opened, false);
    }

    private TicketView open(Source source, Inbound post, Author author) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("social.platform", source.platform().code());
        metadata.put("social.source", source.name());
        if (post.network() != null) {
            metadata.put("social.network", post.network());
        }
        metadata.put("social.thread", Texts.abbreviate(post.threadKey(), 500));
        metadata.put("social.post", Texts.abbreviate(post.postKey(), 500));
        if (post.url() != null) {
            metadata.put("social.url", Texts.abbreviate(post.url(), 500));
        }
        Opened made = desk.open(new NewTicket(source.gameId(),
                new PlayerIdentity(author.account(), Texts.abbreviate(author.name(), 100), null, null),
                TicketType.CONSULTATION.code(), TicketChannel.SOCIAL.code(), null, subject(post.text()), post.text(),
                null, metadata, false), List.of());
        return made.ticket();
    }

    private record ThreadRow(UUID id, UUID ticketId) {
    }

    record Author(UUID id, String name, String account) {
    }

    /** The author by the platform's user id, their name kept up to date; a new one gets a contact account. */
    private Author author(Source source, Inbound post) {
        String name = post.authorName() == null ? post.authorId() : Texts.abbreviate(post.authorName(), 100);
        Optional<Author> known = jdbc.sql("""
                select id, player_account, linked_account from social_author
                where source_id = :source and platform_user_id = :user
                """).param("source", source.id()).param("user", post.authorId())
                .query((rs, n) -> new Author(rs.getObject(1, UUID.class), name,
                        rs.getString(3) != null ? rs.getString(3) : rs.getString(2)))
                .optional();
        if (known.isPresent()) {
            jdbc.sql("update social_author set name = :name where id = :id").param("name", name)
                    .param("id", known.get().id()).update();
            return known.get();
        }
        UUID id = Ids.next();
        String account = contactAccount(source.platform(), post.authorId());
        jdbc.sql("""
                insert into social_author (id, source_id, platform_user_id, name, player_account, linked_account)
                values (:id, :source, :user, :name, :account, null)
                """).param("id", id).param("source", source.id()).param("user", post.authorId())
                .param("name", name).param("account", account).update();
        return new Author(id, name, account);
    }

    /** A contact's own account id: the platform and the user id, shortened to fit an account id. */
    static String contactAccount(Platform platform, String userId) {
        String account = platform.code() + ":" + userId;
        return account.length() <= PlayerDirectory.ACCOUNT_ID_MAX ? account
                : account.substring(0, PlayerDirectory.ACCOUNT_ID_MAX);
    }

    /** The ticket's subject: the post's first line, shortened. */
    static String subject(String text) {
        String first = text.strip().lines().findFirst().orElse("").strip();
        return Texts.abbreviate(first.isEmpty() ? "…" : first, SUBJECT_MAX);
    }
}
