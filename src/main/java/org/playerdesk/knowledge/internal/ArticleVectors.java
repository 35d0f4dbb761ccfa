package org.playerdesk.knowledge.internal;

import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.playerdesk.embedding.CompactVectors;
import org.playerdesk.embedding.TextEmbeddings;
import org.playerdesk.embedding.Vectors;
import org.playerdesk.knowledge.Audience;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

/**
 * The meaning of each published article as the embedding model's vector: made in the background
 * for every article published (or published again, or made by an older model) and kept in
 * {@code kb_article_vector}; the same for each of its similar questions ({@code kb_article_question},
 * see {@link org.playerdesk.knowledge.SimilarQuestions}). Each node holds a game's vectors in
 * memory, compactly (a byte per dimension, {@link CompactVectors}), and reads them again when the
 * tables changed (checked at most once a second), so an article published on another node is found
 * by its meaning within seconds. Nearest articles by brute force: 30,000 vectors of 896 dimensions
 * take a few milliseconds.
 */
@Service
public class ArticleVectors {

    static final int BATCH = 32;
    static final int LEAD = 300;
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;
    private static final Logger log = LoggerFactory.getLogger(ArticleVectors.class);

    /**
     * A published article, or one of its similar questions ({@code question}), with what a hit
     * shows; {@code slot} numbers the game's articles from 0 as loaded, so that a search keeps each
     * article's similarities in arrays. Its vector is the game's {@link CompactVectors} row of the
     * same index as the entry.
     */
    public record Entry(UUID articleId, String locale, String audience, String title, String lead, boolean question,
            int slot) {
    }

    /**
     * An article and how near it is to the query: {@code similarity} ranks it (see
     * {@link #similarity}); {@code article} is the cosine similarity of the article's own vector
     * (NaN while it has none), {@code question} that of its nearest similar question (NaN when it
     * has none).
     */
    public record Near(Entry entry, double similarity, double article, double question) {
    }

    /**
     * A game's entries, its articles' own first (in slot order), then the similar questions, and
     * their vectors in the same order.
     */
    private record GameVectors(List<Object> stamp, long checkedAt, List<Entry> entries, int articles,
            CompactVectors vectors) {
    }

    private final TextEmbeddings embeddings;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<UUID, GameVectors> games = new ConcurrentHashMap<>();
    /** Each game's answer model and the vectors' stamp it was trained on (a null model: none to train). */
    private final Map<UUID, Answers> answers = new ConcurrentHashMap<>();
    /** The stamp each game's model is being trained on, while it is. */
    private final Map<UUID, List<Object>> training = new ConcurrentHashMap<>();
    /** Trains the answer models one at a time, off the requests' path. */
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "answer-model");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    private record Answers(List<Object> stamp, AnswerModel model) {
    }

    ArticleVectors(TextEmbeddings embeddings, JdbcTemplate jdbc, Clock clock) {
        this.embeddings = embeddings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The {@code n} articles of a game nearest to a vector, nearest first. */
    public List<Near> nearest(UUID gameId, float[] query, String audienceOnly, int n) {
        GameVectors game = loaded(gameId);
        List<Entry> entries = game.entries();
        float[] similarities = new float[entries.size()];
        game.vectors().dots(query, similarities);
        double[] article = new double[game.articles()];
        double[] question = new double[game.articles()];
        Arrays.fill(article, Double.NaN);
        Arrays.fill(question, Double.NaN);
        for (int row = 0; row < similarities.length; row++) {
            Entry entry = entries.get(row);
            if (audienceOnly != null && !audienceOnly.equals(entry.audience())) {
                continue;
            }
            double similarity = similarities[row];
            double[] nearest = entry.question() ? question : article;
            if (Double.isNaN(nearest[entry.slot()]) || similarity > nearest[entry.slot()]) {
                nearest[entry.slot()] = similarity;
            }
        }
        PriorityQueue<Near> best = new PriorityQueue<>(Comparator.comparingDouble(Near::similarity));
        for (int slot = 0; slot < game.articles(); slot++) {
            if (Double.isNaN(article[slot])) {
                continue; // another audience's
            }
            Near near = new Near(entries.get(slot), similarity(article[slot], question[slot]), article[slot],
                    question[slot]);
            if (best.size() < n) {
                best.add(near);
            } else if (near.similarity() > best.peek().similarity()) {
                best.poll();
                best.add(near);
            }
        }
        List<Near> nearest = new ArrayList<>(best);
        nearest.sort(Comparator.comparingDouble(Near::similarity).reversed());
        return nearest;
    }

    /**
     * How near an article is, from its own similarity and its nearest similar question's (either
     * NaN when missing): the article's, or the mean of the two when that is higher. Chosen on the
     * development questions with the training ones as similar questions (top-1 / top-3): the
     * article alone 67.1 / 87.1 %, the question alone 67.1 / 90.0 %, the higher of the two
     * 67.9 / 90.0 %, their mean 75.7 / 90.7 %, this 78.6 / 91.4 %.
     */
    static double similarity(double article, double question) {
        if (Double.isNaN(question)) {
            return article;
        }
        if (Double.isNaN(article)) {
            return question;
        }
        return Math.max(article, (article + question) / 2);
    }

    /** Whether a game's articles have vectors at all (none while the model is loading or off). */
    public boolean any(UUID gameId) {
        return !of(gameId).isEmpty();
    }

    List<Entry> of(UUID gameId) {
        return loaded(gameId).entries();
    }

    private GameVectors loaded(UUID gameId) {
        long now = System.nanoTime();
        GameVectors known = games.get(gameId);
        if (known != null && now - known.checkedAt() < CHECK_EVERY_NANOS) {
            return known;
        }
        String model = embeddings.model();
        List<Object> stamp = jdbc.queryForObject("""
                select (select count(*) from kb_article_vector where game_id = ? and model = ?),
                       (select max(updated_at) from kb_article_vector where game_id = ? and model = ?),
                       (select count(*) from kb_article_question where game_id = ? and model = ?),
                       (select max(updated_at) from kb_article_question where game_id = ? and model = ?)""",
                (rs, i) -> Arrays.asList(rs.getLong(1), rs.getTimestamp(2), rs.getLong(3), rs.getTimestamp(4)),
                gameId, model, gameId, model, gameId, model, gameId, model);
        if (known != null && Objects.equals(known.stamp(), stamp)) {
            GameVectors same = new GameVectors(stamp, now, known.entries(), known.articles(), known.vectors());
            games.put(gameId, same);
            trainAnswers(gameId, same); // where the last try waited for the embedding model
            return same;
        }
        // rounded to bytes row by row: a game's vectors as floats would take four times the heap at once
        CompactVectors.Builder vectors = CompactVectors.builder(embeddings.dimensions(),
                (int) ((Long) stamp.get(0) + (Long) stamp.get(2)));
        List<Entry> entries = new ArrayList<>(jdbc.query("""
                select v.article_id, a.locale, a.audience, a.title, a.body, v.vector
                from kb_article_vector v join kb_article a on a.id = v.article_id
                where v.game_id = ? and v.model = ? and a.title is not null""",
                (rs, i) -> entry(rs, vectors), gameId, model));
        int articles = entries.size();
        // a question shares its article's entry (title, lead) and is searched once the article has its own
        // vector; an unpublished article's questions stay with it, unsearched, until it is published again
        Map<UUID, Entry> byArticle = new HashMap<>();
        entries.forEach(e -> byArticle.put(e.articleId(), e));
        jdbc.query("select article_id, vector from kb_article_question where game_id = ? and model = ?", rs -> {
            Entry article = byArticle.get(rs.getObject(1, UUID.class));
            if (article != null) {
                vectors.add(Vectors.fromBytes(rs.getBytes(2)));
                entries.add(new Entry(article.articleId(), article.locale(), article.audience(), article.title(),
                        article.lead(), true, article.slot()));
            }
        }, gameId, model);
        GameVectors loaded = new GameVectors(stamp, now, List.copyOf(entries), articles, vectors.build());
        games.put(gameId, loaded);
        trainAnswers(gameId, loaded);
        return loaded;
    }

    /**
     * For each article of the game, the probability that it answers a question of this vector, by
     * the game's answer model ({@link AnswerModel}); NaN for every article while the model is
     * being trained for the first time, for a game with too few or too many public articles, and
     * for an article it was not trained on (published meanwhile: the next model knows it).
     */
    public ToDoubleFunction<UUID> answerChances(UUID gameId, float[] question) {
        Answers known = answers.get(gameId);
        return known == null || known.model() == null ? id -> Double.NaN : known.model().chances(question);
    }

    /** Whether the game's answer model is trained for its current articles and similar questions. */
    public boolean answersReady(UUID gameId) {
        GameVectors game = loaded(gameId);
        Answers known = answers.get(gameId);
        return known != null && known.stamp().equals(game.stamp());
    }

    /** Trains the game's answer model on these vectors in the background, unless done or under way. */
    private void trainAnswers(UUID gameId, GameVectors game) {
        Answers known = answers.get(gameId);
        if (known != null && known.stamp().equals(game.stamp())) {
            return; // trained on these vectors already
        }
        if (game.stamp().equals(training.put(gameId, game.stamp()))) {
            return; // under way
        }
        try {
            trainer.execute(() -> {
                try {
                    if (!embeddings.ready()) {
                        return; // the articles' parts need the model: the next look after it is ready trains
                    }
                    List<AnswerModel.Example> examples = new ArrayList<>();
                    for (int row = 0; row < game.entries().size(); row++) {
                        Entry e = game.entries().get(row);
                        if (Audience.PUBLIC.code().equals(e.audience())) {
                            examples.add(new AnswerModel.Example(e.articleId(), e.locale(),
                                    e.question() ? AnswerModel.Kind.QUESTION : AnswerModel.Kind.ARTICLE,
                                    game.vectors().row(row)));
                        }
                    }
                    if (examples.stream().filter(e -> e.kind() == AnswerModel.Kind.ARTICLE)
                            .count() <= AnswerModel.MAX_ARTICLES) {
                        examples.addAll(parts(gameId));
                    }
                    answers.put(gameId, new Answers(game.stamp(), AnswerModel.train(examples)));
                } catch (RuntimeException e) {
                    log.warn("Knowledge: the answer model of game {} could not be trained: {}", gameId, e.toString());
                    // not tried again on the same vectors; the model before, if any, stays in use
                    Answers before = answers.get(gameId);
                    answers.put(gameId, new Answers(game.stamp(), before == null ? null : before.model()));
                } finally {
                    training.remove(gameId, game.stamp());
                }
            });
        } catch (RejectedExecutionException e) {
            training.remove(gameId, game.stamp()); // shutting down
        }
    }

    /**
     * The vectors of the parts of each public article of the game ({@link AnswerModel#parts}): kept
     * beside the article's own vector, made here where missing (a new publication or model clears
     * them). Made in the answer model's background only, so that a help center too large for the
     * model costs nothing more. Two nodes making them at once write the same vectors.
     */
    private List<AnswerModel.Example> parts(UUID gameId) {
        record Due(UUID articleId, String locale, Timestamp publishedAt, List<String> texts) {
        }
        String model = embeddings.model();
        int width = embeddings.dimensions() * 2;
        List<AnswerModel.Example> examples = new ArrayList<>();
        List<Due> due = new ArrayList<>();
        jdbc.query("""
                select v.article_id, a.locale, v.published_at, v.parts, a.title,
                       case when v.parts is null then a.body end
                from kb_article_vector v join kb_article a on a.id = v.article_id
                where v.game_id = ? and v.model = ? and a.audience = ? and a.title is not null""", rs -> {
            UUID articleId = rs.getObject(1, UUID.class);
            byte[] kept = rs.getBytes(4);
            if (kept == null) {
                due.add(new Due(articleId, rs.getString(2), rs.getTimestamp(3),
                        AnswerModel.parts(rs.getString(5), rs.getString(6))));
                return;
            }
            for (int at = 0; at + width <= kept.length; at += width) {
                examples.add(new AnswerModel.Example(articleId, rs.getString(2), AnswerModel.Kind.PART,
                        Vectors.fromBytes(Arrays.copyOfRange(kept, at, at + width))));
            }
        }, gameId, model, Audience.PUBLIC.code());
        for (Due article : due) {
            var vectors = embeddings.embedAll(article.texts());
            if (vectors.isEmpty()) {
                break; // the model went: trained on what is kept
            }
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            for (float[] vector : vectors.get()) {
                examples.add(new AnswerModel.Example(article.articleId(), article.locale(), AnswerModel.Kind.PART,
                        vector));
                kept.writeBytes(Vectors.toBytes(vector));
            }
            // a publication or model changed meanwhile updates nothing: the next training makes them again
            jdbc.update("update kb_article_vector set parts = ? where article_id = ? and model = ? and published_at = ?",
                    kept.toByteArray(), article.articleId(), model, article.publishedAt());
        }
        return examples;
    }

    @PreDestroy
    void stop() {
        trainer.shutdownNow();
    }

    /** An article's entry, its vector added as the next row of {@code vectors} (its slot). */
    private static Entry entry(java.sql.ResultSet rs, CompactVectors.Builder vectors) throws java.sql.SQLException {
        String body = rs.getString(5);
        int slot = vectors.add(Vectors.fromBytes(rs.getBytes(6)));
        return new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                body == null ? "" : body.substring(0, Math.min(LEAD, body.length())), false, slot);
    }

    /**
     * Embeds the published articles that have no vector of the current model for their current
     * publication, a batch at a time, and drops the vectors of articles no longer published.
     * Returns how many were embedded. Two nodes doing it at once write the same vector twice.
     */
    @Scheduled(initialDelayString = "${playerdesk.knowledge.vectors.interval:5s}",
            fixedDelayString = "${playerdesk.knowledge.vectors.interval:5s}")
    public int refresh() {
        if (!embeddings.ready()) {
            return 0;
        }
        return articles() + questions();
    }

    /** Embeds the similar questions that have no vector of the current model, a batch at a time. */
    private int questions() {
        return inBatches(() -> jdbc.query("""
                select id, question from kb_article_question
                where model is null or model <> ?
                order by id
                fetch first %d rows only""".formatted(BATCH),
                (rs, i) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2) }, embeddings.model()), 1,
                (due, vectors) -> {
                    Timestamp now = Timestamp.from(clock.instant());
                    List<Object[]> rows = new ArrayList<>();
                    for (int i = 0; i < due.size(); i++) {
                        rows.add(new Object[] { embeddings.model(), Vectors.toBytes(vectors.get(i)), now, due.get(i)[0] });
                    }
                    // a question removed meanwhile updates nothing; written again by another node, the same vector
                    return Arrays.stream(jdbc.batchUpdate(
                            "update kb_article_question set model = ?, vector = ?, updated_at = ? where id = ?", rows))
                            .map(w -> w == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, w)).sum();
                });
    }

    /** Embeds the articles due, as {@link #refresh} says. */
    private int articles() {
        jdbc.update("delete from kb_article_vector where article_id in (select id from kb_article where title is null)");
        return inBatches(() -> jdbc.query("""
                select a.id, a.game_id, a.title, a.body, a.published_at, v.article_id
                from kb_article a left join kb_article_vector v on v.article_id = a.id
                where a.title is not null and a.published_at is not null
                  and (v.article_id is null or v.model <> ? or v.published_at <> a.published_at)
                order by a.id
                fetch first %d rows only""".formatted(BATCH),
                (rs, i) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3) + "\n" + rs.getString(4), rs.getTimestamp(5), rs.getObject(6) != null },
                embeddings.model()), 2, (due, vectors) -> {
                    Timestamp now = Timestamp.from(clock.instant());
                    int written = 0;
                    for (int i = 0; i < due.size(); i++) {
                        Object[] row = due.get(i);
                        byte[] bytes = Vectors.toBytes(vectors.get(i));
                        try {
                            if ((Boolean) row[4]) {
                                jdbc.update("update kb_article_vector set model = ?, published_at = ?, vector = ?,"
                                        + " parts = null, updated_at = ? where article_id = ?", embeddings.model(), row[3], bytes, now,
                                        row[0]);
                            } else {
                                jdbc.update("insert into kb_article_vector (article_id, game_id, model, published_at,"
                                        + " vector, updated_at) values (?, ?, ?, ?, ?, ?)", row[0], row[1],
                                        embeddings.model(), row[3], bytes, now);
                            }
                            written++;
                        } catch (DataIntegrityViolationException another) {
                            // another node wrote it first, or the article went meanwhile: the next round looks again
                            log.debug("article vector {} not written: {}", row[0], another.getMessage());
                        }
                    }
                    return written;
                });
    }

    /**
     * The background loop of both: reads a batch of what is due (the text to embed in column
     * {@code text}), embeds it and writes it back, until nothing is due, the model is not there, or
     * a round writes nothing (what is left went meanwhile or is another node's).
     */
    private int inBatches(Supplier<List<Object[]>> due, int text,
            BiFunction<List<Object[]>, List<float[]>, Integer> write) {
        int done = 0;
        for (int round = 0; round <= 1_000; round++) {
            List<Object[]> rows = due.get();
            if (rows.isEmpty()) {
                break;
            }
            var vectors = embeddings.embedAll(rows.stream().map(row -> (String) row[text]).toList());
            if (vectors.isEmpty()) {
                break;
            }
            int written = write.apply(rows, vectors.get());
            done += written;
            if (written == 0) {
                break;
            }
        }
        return done;
    }

    /** For tests and the evaluation: drops what this node holds in memory. */
    public void forget() {
        games.clear();
        answers.clear();
    }
}
