package org.playerdesk.social.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.privacy.DataSubject;
import org.playerdesk.privacy.ErasurePolicy;
import org.playerdesk.privacy.ErasureRule;
import org.playerdesk.privacy.ExportRows;
import org.playerdesk.privacy.ExportSink;
import org.playerdesk.privacy.PersonalDataHolder;
import org.playerdesk.privacy.Treatment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A player's posts and direct messages on the game's social and forum sources (by the authors
 * linked to their account, or whose contact account it is), exported and erased for their data
 * requests. Anonymised, a post keeps its row and the forum desk's record without its text and
 * link, the author loses name and platform user id, the conversation its link and reply address;
 * deleted, the posts and their desk records go (the conversations stay anonymised: tickets refer
 * to them).
 */
@Component
class SocialPersonalData implements PersonalDataHolder {

    static final String POSTS = "social-posts";
    static final String ERASED = "[erased]";

    private final JdbcClient jdbc;

    SocialPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(DataSubject subject, ExportSink sink) {
        List<UUID> authors = authors(subject);
        if (authors.isEmpty()) {
            sink.rows(POSTS, List.of());
            return;
        }
        sink.rows(POSTS, jdbc.sql("""
                select p.id, s.name as source, s.platform, a.platform_user_id as author_id, a.name as author_name,
                    t.thread_key as thread, t.url as thread_url, t.ticket_id, p.kind, p.body, p.url, p.flag, p.removed,
                    p.received_at
                from social_post p join social_author a on a.id = p.author_id join social_source s on s.id = p.source_id
                    join social_thread t on t.id = p.thread_id
                where p.author_id in (:authors) order by p.received_at, p.id""")
                .param("authors", authors).query(ExportRows.MAPPER).list());
    }

    @Override
    @Transactional
    public Map<String, Integer> erase(DataSubject subject, ErasurePolicy policy) {
        ErasureRule rule = policy.rule(POSTS);
        List<UUID> authors = authors(subject);
        if (authors.isEmpty() || rule.treatment() == Treatment.KEEP) {
            return Map.of(POSTS, 0);
        }
        Timestamp before = Timestamp.from(rule.appliesBefore());
        String posts = "select id from social_post where author_id in (:authors) and received_at < :before";
        int done;
        if (rule.treatment() == Treatment.DELETE) {
            jdbc.sql("delete from social_post_action where post_id in (" + posts + ")").param("authors", authors)
                    .param("before", before).update();
            done = jdbc.sql("delete from social_post where author_id in (:authors) and received_at < :before")
                    .param("authors", authors).param("before", before).update();
        } else {
            jdbc.sql("update social_post_action set detail = null where post_id in (" + posts + ")")
                    .param("authors", authors).param("before", before).update();
            done = jdbc.sql("update social_post set body = :erased, url = null where author_id in (:authors) "
                    + "and received_at < :before and body <> :erased").param("erased", ERASED)
                    .param("authors", authors).param("before", before).update();
        }
        jdbc.sql("update social_thread set url = null, reply_to = null, reply_token = null, reply_token_at = null "
                + "where author_id in (:authors) and created_at < :before").param("authors", authors)
                .param("before", before).update();
        // the author is a new one if they post again
        for (UUID author : authors) {
            jdbc.sql("update social_author set name = :erased, platform_user_id = :gone, player_account = :gone, "
                    + "linked_account = null where id = :id").param("erased", ERASED)
                    .param("gone", "erased-" + author).param("id", author).update();
        }
        return Map.of(POSTS, done);
    }

    /** The authors of the player's game linked to their account, or whose contact account it is. */
    private List<UUID> authors(DataSubject subject) {
        return jdbc.sql("select a.id from social_author a join social_source s on s.id = a.source_id "
                + "where s.game_id = :game and (a.linked_account = :account or a.player_account = :account)")
                .param("game", subject.gameId()).param("account", subject.accountId())
                .query(UUID.class).list();
    }
}
