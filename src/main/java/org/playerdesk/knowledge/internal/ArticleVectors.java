package org.playerdesk.knowledge.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.playerdesk.embedding.TextEmbeddings;
import org.playerdesk.embedding.Vectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The meaning of each published article as the embedding model's vector: made in the background
 * for every article published (or published again, or made by an older model) and kept in
 * {@code kb_article_vector}; each node holds a game's vectors in memory and reads them again when
 * the table changed (checked at most once a second), so an article published on another node is
 * found by its meaning within seconds. Nearest articles by brute force: 10,000 vectors of 512
 * dimensions take a few milliseconds.
 */
@Service
public class ArticleVectors {

    static final int BATCH = 32;
    static final int LEAD = 300;
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;
    private static final Logger log = LoggerFactory.getLogger(ArticleVectors.class);

    /** A published article's vector with what a hit shows. */
    public record Entry(UUID articleId, String locale, String audience, String title, String lead, float[] vector) {
    }

    /** An article and its cosine similarity to the query. */
    public record Near(Entry entry, double similarity) {
    }

    private record GameVectors(long count, Timestamp latest, long checkedAt, List<Entry> entries) {
    }

    private final TextEmbeddings embeddings;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<UUID, GameVectors> games = new ConcurrentHashMap<>();

    ArticleVectors(TextEmbeddings embeddings, JdbcTemplate jdbc, Clock clock) {
        this.embeddings = embeddings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The {@code n} articles of a game nearest to a vector, nearest first. */
    public List<Near> nearest(UUID gameId, float[] query, String audienceOnly, int n) {
        PriorityQueue<Near> best = new PriorityQueue<>(Comparator.comparingDouble(Near::similarity));
        for (Entry entry : of(gameId)) {
            if (audienceOnly != null && !audienceOnly.equals(entry.audience())) {
                continue;
            }
            double similarity = Vectors.dot(query, entry.vector());
            if (best.size() < n) {
                best.add(new Near(entry, similarity));
            } else if (similarity > best.peek().similarity()) {
                best.poll();
                best.add(new Near(entry, similarity));
            }
        }
        List<Near> nearest = new ArrayList<>(best);
        nearest.sort(Comparator.comparingDouble(Near::similarity).reversed());
        return nearest;
    }

    /** Whether a game's articles have vectors at all (none while the model is loading or off). */
    public boolean any(UUID gameId) {
        return !of(gameId).isEmpty();
    }

    List<Entry> of(UUID gameId) {
        long now = System.nanoTime();
        GameVectors known = games.get(gameId);
        if (known != null && now - known.checkedAt() < CHECK_EVERY_NANOS) {
            return known.entries();
        }
        Object[] stamp = jdbc.queryForObject(
                "select count(*), max(updated_at) from kb_article_vector where game_id = ? and model = ?",
                (rs, i) -> new Object[] { rs.getLong(1), rs.getTimestamp(2) }, gameId, embeddings.model());
        long count = (Long) stamp[0];
        Timestamp latest = (Timestamp) stamp[1];
        if (known != null && known.count() == count && Objects.equals(known.latest(), latest)) {
            games.put(gameId, new GameVectors(count, latest, now, known.entries()));
            return known.entries();
        }
        List<Entry> entries = jdbc.query("""
                select v.article_id, a.locale, a.audience, a.title, a.body, v.vector
                from kb_article_vector v join kb_article a on a.id = v.article_id
                where v.game_id = ? and v.model = ? and a.title is not null""",
                (rs, i) -> {
                    String body = rs.getString(5);
                    return new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            body == null ? "" : body.substring(0, Math.min(LEAD, body.length())),
                            Vectors.fromBytes(rs.getBytes(6)));
                }, gameId, embeddings.model());
        games.put(gameId, new GameVectors(count, latest, now, List.copyOf(entries)));
        return entries;
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
        int done = 0;
        int round = 0;
        jdbc.update("delete from kb_article_vector where article_id in (select id from kb_article where title is null)");
        while (true) {
            List<Object[]> due = jdbc.query("""
                    select a.id, a.game_id, a.title, a.body, a.published_at, v.article_id
                    from kb_article a left join kb_article_vector v on v.article_id = a.id
                    where a.title is not null and a.published_at is not null
                      and (v.article_id is null or v.model <> ? or v.published_at <> a.published_at)
                    order by a.id
                    fetch first %d rows only""".formatted(BATCH),
                    (rs, i) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3) + "\n" + rs.getString(4), rs.getTimestamp(5), rs.getObject(6) != null },
                    embeddings.model());
            if (due.isEmpty() || round++ > 1_000) {
                return done;
            }
            var vectors = embeddings.embedAll(due.stream().map(row -> (String) row[2]).toList());
            if (vectors.isEmpty()) {
                return done;
            }
            Timestamp now = Timestamp.from(clock.instant());
            int written = 0;
            for (int i = 0; i < due.size(); i++) {
                Object[] row = due.get(i);
                byte[] bytes = Vectors.toBytes(vectors.get().get(i));
                try {
                    if ((Boolean) row[4]) {
                        jdbc.update("update kb_article_vector set model = ?, published_at = ?, vector = ?, updated_at = ?"
                                + " where article_id = ?", embeddings.model(), row[3], bytes, now, row[0]);
                    } else {
                        jdbc.update("insert into kb_article_vector (article_id, game_id, model, published_at, vector,"
                                + " updated_at) values (?, ?, ?, ?, ?, ?)", row[0], row[1], embeddings.model(), row[3],
                                bytes, now);
                    }
                    written++;
                } catch (DataIntegrityViolationException another) {
                    // another node wrote it first, or the article went meanwhile: the next round looks again
                    log.debug("article vector {} not written: {}", row[0], another.getMessage());
                }
            }
            done += written;
            if (written == 0) {
                return done;
            }
        }
    }

    /** For tests and the evaluation: drops what this node holds in memory. */
    void forget() {
        games.clear();
    }
}
