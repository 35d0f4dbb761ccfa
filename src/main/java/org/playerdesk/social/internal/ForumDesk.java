package org.playerdesk.social.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffMember;
import org.playerdesk.enforcement.Enforcement;
import org.playerdesk.enforcement.ViolationView;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.Texts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forum desk (seed 002's forum work): the posts of the webhooks' stream per game and source,
 * where a GM or agent flags a post as abusive, advertising or normal and records what was done:
 * its removal (asked of the platform where the source has a moderation URL), a warning, or a
 * violation through the game's penalty ladder ({@link Enforcement}; the author must be linked to
 * a game account first). Every step is a line of the post's history with who and when.
 */
@Service
@Transactional
public class ForumDesk {

    public static final List<String> FLAGS = List.of("normal", "abusive", "advertising");
    static final int NOTE_MAX = 500;

    private final JdbcClient jdbc;
    private final SocialSources sources;
    private final ForumCallbacks forums;
    private final Enforcement enforcement;
    private final Clock clock;

    ForumDesk(JdbcClient jdbc, SocialSources sources, ForumCallbacks forums, Enforcement enforcement, Clock clock) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.forums = forums;
        this.enforcement = enforcement;
        this.clock = clock;
    }

    public record Action(String action, String detail, String staffName, Instant at) {
    }

    public record Post(UUID id, UUID gameId, UUID sourceId, String sourceName, String platform, UUID authorId,
            String authorName, String linkedAccount, String kind, String body, String url, String flag,
            boolean removed, Instant receivedAt, UUID ticketId, List<Action> history) {
    }

    /** The newest posts of the games in scope, optionally of one game, one source, one flag ({@code none}: unflagged). */
    @Transactional(readOnly = true)
    public List<Post> posts(Collection<UUID> gameScope, UUID gameId, UUID sourceId, String flag, int limit) {
        return query(gameScope, gameId, sourceId, flag, null, limit);
    }

    private List<Post> query(Collection<UUID> gameScope, UUID gameId, UUID sourceId, String flag, UUID postId,
            int limit) {
        if (gameScope.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                select p.id, p.game_id, p.source_id, s.name as source_name, s.platform, p.author_id, a.name as author_name,
                    a.linked_account, p.kind, p.body, p.url, p.flag, p.removed, p.received_at, t.ticket_id
                from social_post p join social_source s on s.id = p.source_id
                    join social_author a on a.id = p.author_id join social_thread t on t.id = p.thread_id
                where p.game_id in (:games)
                """);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("games", gameScope);
        if (gameId != null) {
            sql.append(" and p.game_id = :game");
            params.put("game", gameId);
        }
        if (sourceId != null) {
            sql.append(" and p.source_id = :source");
            params.put("source", sourceId);
        }
        if (postId != null) {
            sql.append(" and p.id = :post");
            params.put("post", postId);
        }
        if ("none".equals(flag)) {
            sql.append(" and p.flag is null");
        } else if (flag != null && FLAGS.contains(flag)) {
            sql.append(" and p.flag = :flag");
            params.put("flag", flag);
        }
        sql.append(" order by p.received_at desc, p.id desc limit ").append(Math.max(1, Math.min(limit, 200)));
        List<Post> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Post(
                rs.getObject("id", UUID.class), rs.getObject("game_id", UUID.class),
                rs.getObject("source_id", UUID.class), rs.getString("source_name"), rs.getString("platform"),
                rs.getObject("author_id", UUID.class), rs.getString("author_name"), rs.getString("linked_account"),
                rs.getString("kind"), rs.getString("body"), rs.getString("url"), rs.getString("flag"),
                rs.getBoolean("removed"), rs.getTimestamp("received_at").toInstant(),
                rs.getObject("ticket_id", UUID.class), List.of())).list();
        Map<UUID, List<Action>> history = history(rows.stream().map(Post::id).collect(Collectors.toSet()));
        return rows.stream().map(p -> new Post(p.id(), p.gameId(), p.sourceId(), p.sourceName(), p.platform(),
                p.authorId(), p.authorName(), p.linkedAccount(), p.kind(), p.body(), p.url(), p.flag(), p.removed(),
                p.receivedAt(), p.ticketId(), history.getOrDefault(p.id(), List.of()))).toList();
    }

    private Post one(UUID gameId, UUID postId) {
        return query(Set.of(gameId), gameId, null, null, postId, 1).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("post", postId));
    }

    public void flag(UUID postId, String flag, StaffMember by) {
        Post post = serving(postId, by);
        if (flag == null || !FLAGS.contains(flag)) {
            throw InvalidInput.of("flag", "invalid.social.flag");
        }
        jdbc.sql("update social_post set flag = :flag where id = :id").param("flag", flag).param("id", postId)
                .update();
        record(post.id(), "flagged", flag, by);
    }

    /**
     * Removes the post: asked of the platform first where the source has a moderation URL (a refusal
     * is recorded and the post stays), then recorded.
     */
    public boolean remove(UUID postId, String note, StaffMember by) {
        Post post = serving(postId, by);
        if (post.removed()) {
            throw new RuleViolation("social.removed", "the post is removed already");
        }
        String text = note(note);
        Source source = sources.get(post.sourceId());
        if (source.platform() == Platform.GENERIC && source.moderationUrl() != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("action", "remove");
            body.put("postId", postKey(postId));
            body.put("threadId", threadKey(postId));
            body.put("reason", post.flag() == null ? "" : post.flag());
            try {
                forums.call(source, source.moderationUrl(), body, "remove-" + postId);
            } catch (DeliveryFailed e) {
                record(postId, "removal_failed", PlatformHttp.shortened(e.getMessage()), by);
                return false;
            }
            record(postId, "removed_on_platform", text, by);
        } else {
            record(postId, "removed", text, by);
        }
        jdbc.sql("update social_post set removed = true where id = :id").param("id", postId).update();
        return true;
    }

    /** A recorded warning to the author (the platform has no way to deliver one). */
    public void warn(UUID postId, String note, StaffMember by) {
        serving(postId, by);
        String text = note(note);
        if (text == null) {
            throw InvalidInput.of("note", "invalid.blank");
        }
        record(postId, "warned", text, by);
    }

    /** Links the post's author to a game account: their later tickets are that player's, and a ban can reach them. */
    public void link(UUID postId, String accountId, StaffMember by) {
        Post post = serving(postId, by);
        String account = SocialSources.blank(accountId);
        if (account == null) {
            throw InvalidInput.of("account", "invalid.blank");
        }
        if (account.length() > PlayerDirectory.ACCOUNT_ID_MAX) {
            throw InvalidInput.of("account", "invalid.tooLong", PlayerDirectory.ACCOUNT_ID_MAX);
        }
        jdbc.sql("update social_author set linked_account = :account where id = :id").param("account", account)
                .param("id", post.authorId()).update();
        record(postId, "linked", account, by);
    }

    /**
     * Records a violation of the given type for the post's author, who must be linked to a game
     * account: the game's ladder decides the rung (a warning, a ban through the account actions and
     * their authority limits, a review).
     */
    public ViolationView penalize(UUID postId, String typeCode, String severity, String note, StaffMember by) {
        Post post = serving(postId, by);
        if (post.linkedAccount() == null) {
            throw new RuleViolation("social.notLinked", "the author is not linked to a game account");
        }
        String text = note(note);
        String reason = Texts.abbreviate((post.flag() == null ? "" : "[" + post.flag() + "] ")
                + (text == null ? "" : text + " — ") + post.body(), 1000);
        ViolationView violation = enforcement.record(post.gameId(), post.linkedAccount(), typeCode, severity, null,
                reason, by);
        String rung = violation.penalty().code() + (violation.days() == null ? "" : " " + violation.days());
        record(postId, "violation", violation.typeName() + " → " + rung, by);
        return violation;
    }

    private Post serving(UUID postId, StaffMember by) {
        UUID game = jdbc.sql("select game_id from social_post where id = :id").param("id", postId).query(UUID.class)
                .optional().orElseThrow(() -> new NotFoundException("post", postId));
        if (!by.serves(game)) {
            throw new AccessDeniedException("not a game of this member of staff");
        }
        return one(game, postId);
    }

    private String postKey(UUID postId) {
        return jdbc.sql("select post_key from social_post where id = :id").param("id", postId).query(String.class)
                .single();
    }

    private String threadKey(UUID postId) {
        return jdbc.sql("select t.thread_key from social_post p join social_thread t on t.id = p.thread_id where p.id = :id")
                .param("id", postId).query(String.class).single();
    }

    private static String note(String note) {
        String text = SocialSources.blank(note);
        if (text != null && text.length() > NOTE_MAX) {
            throw InvalidInput.of("note", "invalid.tooLong", NOTE_MAX);
        }
        return text;
    }

    private void record(UUID postId, String action, String detail, StaffMember by) {
        jdbc.sql("""
                insert into social_post_action (id, post_id, action, detail, staff_id, staff_name, at)
                values (:id, :post, :action, :detail, :staff, :name, :at)
                """).param("id", Ids.next()).param("post", postId).param("action", action)
                .param("detail", detail == null ? null : Texts.abbreviate(detail, 1000)).param("staff", by.id())
                .param("name", by.displayName()).param("at", Timestamp.from(clock.instant())).update();
    }

    private Map<UUID, List<Action>> history(Set<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<Action>> byPost = new LinkedHashMap<>();
        jdbc.sql("""
                select post_id, action, detail, staff_name, at from social_post_action where post_id in (:posts)
                order by at, id
                """).param("posts", postIds).query((rs, n) -> {
                    byPost.computeIfAbsent(rs.getObject("post_id", UUID.class), k -> new ArrayList<>())
                            .add(new Action(rs.getString("action"), rs.getString("detail"), rs.getString("staff_name"),
                                    rs.getTimestamp("at").toInstant()));
                    return null;
                }).list();
        return byPost;
    }
}
