package org.playerdesk.knowledge;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.system.entity.Ids;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An article's similar questions (相似问): the ways players ask what it answers, in their own
 * words and either language. Editors write them beside the article; a player's question that an
 * article solved (the bot's "this solved it") is learned as one. The search compares a player's
 * question with each of them by meaning, beside the article itself ({@code ArticleVectors}), so a
 * paraphrase that shares no word with the article still finds it.
 */
@Service
@Transactional
public class SimilarQuestions {

    /** The longest similar question kept, in characters. */
    public static final int QUESTION_MAX = 200;
    /** The most similar questions an article holds; a learned one beyond this is not kept. */
    public static final int PER_ARTICLE_MAX = 100;
    /** A learned question shorter than this says too little to compare. */
    static final int LEARNED_MIN = 4;
    /**
     * What a question holding something of the player's own looks like (an address, a link, a run
     * of digits such as an account, order or phone number): such a question is not learned, so
     * that no player's details are kept apart from their tickets, where erasure would miss them.
     */
    static final Pattern PERSONAL = Pattern.compile("@|https?://|www\\.|\\d{5,}");

    public enum Source {
        EDITOR, LEARNED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A similar question as the editor shows it. */
    public record Question(String text, Source source) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SimilarQuestions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An article's similar questions, oldest first. */
    @Transactional(readOnly = true)
    public List<Question> of(UUID articleId) {
        return jdbc.query(
                "select question, source from kb_article_question where article_id = ? order by created_at, question",
                (rs, i) -> new Question(rs.getString(1), Source.valueOf(rs.getString(2).toUpperCase(Locale.ROOT))),
                articleId);
    }

    /**
     * Makes an article's similar questions exactly these (blank and repeated lines dropped; checked
     * by the caller for length and count): the ones kept keep their origin, new ones are the
     * editor's.
     */
    public void replace(UUID articleId, UUID gameId, List<String> questions) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String q : questions) {
            String tidy = tidy(q);
            if (!tidy.isEmpty()) {
                wanted.add(tidy);
            }
        }
        List<String> present = new ArrayList<>(of(articleId).stream().map(Question::text).toList());
        for (String old : present) {
            if (!wanted.contains(old)) {
                jdbc.update("delete from kb_article_question where article_id = ? and question = ?", articleId, old);
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (String q : wanted) {
            if (!present.contains(q)) {
                insert(articleId, gameId, q, Source.EDITOR, now);
            }
        }
    }

    /**
     * Learns a player's question that this article solved; false when it is too short or too long,
     * holds something of the player's own ({@link #PERSONAL}), is already there, or the article
     * holds as many as it may (or is gone). In a transaction of its own: learning is a side effect
     * of the player's answer, and the same question learned at the same moment elsewhere (refused
     * by the unique key) must not undo that answer (PostgreSQL aborts a transaction whose statement
     * failed).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean learn(UUID articleId, String question) {
        String tidy = tidy(question);
        if (tidy.length() < LEARNED_MIN || tidy.length() > QUESTION_MAX || PERSONAL.matcher(tidy).find()) {
            return false;
        }
        try {
            // one statement: the article is there, holds fewer than the most, and not this question yet
            return jdbc.update("insert into kb_article_question (id, article_id, game_id, question, source, created_at)"
                    + " select ?, a.id, a.game_id, ?, ?, ? from kb_article a where a.id = ?"
                    + " and (select count(*) from kb_article_question q where q.article_id = a.id) < ?"
                    + " and not exists (select 1 from kb_article_question q where q.article_id = a.id and q.question = ?)",
                    Ids.next(), tidy, Source.LEARNED.code(), Timestamp.from(clock.instant()), articleId, PER_ARTICLE_MAX,
                    tidy) == 1;
        } catch (DuplicateKeyException learnedAtOnce) {
            return false;
        }
    }

    private void insert(UUID articleId, UUID gameId, String question, Source source, Timestamp now) {
        jdbc.update("insert into kb_article_question (id, article_id, game_id, question, source, created_at)"
                + " values (?, ?, ?, ?, ?, ?)", Ids.next(), articleId, gameId, question, source.code(), now);
    }

    /** A question as kept: one line without the blanks around it and runs of blanks inside. */
    public static String tidy(String question) {
        return question == null ? "" : question.strip().replaceAll("\\s+", " ");
    }
}
