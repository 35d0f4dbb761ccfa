package org.playerdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.BenchTimings.loadAverage;
import static org.playerdesk.BenchTimings.ms;
import static org.playerdesk.BenchTimings.time;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;
import org.playerdesk.BenchTimings;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.ArticleSearch;
import org.playerdesk.knowledge.Audience;
import org.playerdesk.knowledge.TicketFinder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search benchmark: generates a corpus of articles and ticket messages in Chinese and
 * English straight into the database and the index (on disk, target/bench-index), then measures
 * p50/p95/p99 of article search (help center) and of console ticket search, one client, after a
 * warm-up, and what each part of an article query costs. Not part of the test suite (its name
 * does not end in Test): {@code bench/search --articles 10000 --messages 1000000} runs it (see
 * bench/README.md). Generation stops at {@code bench.max-seconds} (default 1200) and the report
 * says how much was generated. Writes bench/results/<date>-search-<articles>-<messages>.{md,json}.
 * Fails when most of the measured queries find nothing: such a run measured empty searches.
 */
@SpringBootTest(properties = {
        "spring.jpa.properties.hibernate.search.backend.directory.type=local-filesystem",
        "spring.jpa.properties.hibernate.search.backend.directory.root=target/bench-index",
        "spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy=write-sync",
        "logging.level.org.hibernate.search=warn",
        "playerdesk.knowledge.vectors.interval=1h",
        "playerdesk.embedding.enabled=true"})
@Import(TestWorkspace.class)
class SearchBenchmark {

    static final int MESSAGES_PER_TICKET = 5;
    static final int BATCH = 1000;

    static final String[] ZH = {"账号", "被盗", "密码", "充值", "到账", "钻石", "元宝", "订单", "退款", "封号", "申诉", "解封",
        "兑换码", "礼包", "活动", "奖励", "闪退", "卡死", "黑屏", "掉线", "更新", "外挂", "举报", "作弊", "公会", "装备",
        "宠物", "副本", "排行榜", "客服", "手机号", "绑定", "实名", "昵称", "服务器", "维护", "补偿", "月卡", "战力", "技能"};
    static final String[] EN = {"account", "stolen", "password", "recharge", "payment", "gems", "order", "refund", "ban",
        "appeal", "gift", "code", "reward", "event", "crash", "freeze", "black", "screen", "disconnect", "update",
        "cheater", "report", "guild", "equipment", "pet", "dungeon", "leaderboard", "support", "phone", "email",
        "nickname", "server", "maintenance", "compensation", "monthly", "card", "skill", "level", "quest", "shop"};
    static final String[] ARTICLE_QUERIES = {"账号被盗", "充值没到账", "号被偷了", "封号申诉", "兑换码无效", "游戏闪退",
        "举报外挂", "绑定手机号", "recharge not received", "account stolen", "acount stolen", "refund", "gift code",
        "game crash", "report cheater", "forgot pasword", "月卡", "补偿", "maintenance", "公会"};
    static final String[] TICKET_QUERIES = {"充值", "退款 订单", "被盗", "封号", "refund", "crash", "闪退 更新", "guild",
        "兑换码", "cheater report", "钻石 到账", "password", "昵称", "维护 补偿", "gems order"};

    @Autowired
    TestWorkspace workspace;
    @Autowired
    ArticleRepository articles;
    @Autowired
    TicketDocumentRepository documents;
    @Autowired
    ArticleSearch articleSearch;
    @Autowired
    TicketFinder ticketFinder;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ArticleVectors vectors;
    @Autowired
    org.playerdesk.embedding.TextEmbeddings embeddings;

    final Random random = new Random(42);

    @Autowired
    jakarta.persistence.EntityManagerFactory entityManagers;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void measure() throws IOException {
        int articleCount = Integer.getInteger("bench.articles", 10_000);
        int messageCount = Integer.getInteger("bench.messages", 100_000);
        long deadline = System.nanoTime() + Long.getLong("bench.max-seconds", 1200) * 1_000_000_000L;
        String loadAtStart = loadAverage();
        GameInfo game = workspace.game();

        long start = System.nanoTime();
        int articlesAsked = articleCount;
        articleCount = batches(articlesAsked, deadline, from -> {
            List<Article> batch = new ArrayList<>();
            for (int i = from; i < Math.min(from + BATCH, articlesAsked); i++) {
                batch.add(article(game.id(), i));
            }
            articles.saveAll(batch);
        });
        double articleSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        int ticketsAsked = messageCount / MESSAGES_PER_TICKET;
        int ticketCount = batches(ticketsAsked, deadline, from -> {
            List<TicketDocument> batch = new ArrayList<>();
            for (int i = from; i < Math.min(from + BATCH, ticketsAsked); i++) {
                TicketDocument document = new TicketDocument(UUID.randomUUID(), game.id());
                StringBuilder messages = new StringBuilder();
                for (int m = 0; m < MESSAGES_PER_TICKET; m++) {
                    messages.append(sentence(12)).append('\n');
                }
                document.fill(i + 1, sentence(4), "玩家" + i, messages.toString(), Instant.now());
                batch.add(document);
            }
            documents.saveAll(batch);
        });
        messageCount = ticketCount * MESSAGES_PER_TICKET;
        double ticketSeconds = (System.nanoTime() - start) / 1e9;

        // a search that finds nothing is quick and measures nothing: the queries measured must find what was made
        assertThat(Arrays.stream(ARTICLE_QUERIES).filter(q -> !articleSearch.search(game.id(), null, q, false, 10)
                .isEmpty())).as("article queries with hits among %s", List.of(ARTICLE_QUERIES))
                .hasSizeGreaterThan(ARTICLE_QUERIES.length / 2);
        assertThat(Arrays.stream(TICKET_QUERIES).filter(q -> !ticketFinder.find(Set.of(game.id()), q, 50).isEmpty()))
                .as("ticket queries with hits among %s", List.of(TICKET_QUERIES))
                .hasSizeGreaterThan(TICKET_QUERIES.length / 2);

        // words alone (no article has its vector yet), then the articles' vectors made, then words and meaning;
        // each query differs from the ones before (a number added), so that no vector comes from the cache
        long[] wordsAloneTimes = time(3000, i -> articleSearch.search(game.id(), null, fresh(i), false, 10));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).until(embeddings::ready);
        start = System.nanoTime();
        int embedded = vectors.refresh();
        double vectorSeconds = (System.nanoTime() - start) / 1e9;
        long[] articleTimes = time(5000, i -> articleSearch.search(game.id(), null, fresh(100_000 + i), false, 10));
        long[] suggestionTimes = time(3000, i -> articleSearch.search(game.id(), i % 2 == 0 ? "zh-CN" : "en",
                fresh(200_000 + i), false, 3));
        System.gc();
        long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        // similar questions: this many per article, with vectors of the model's size made at random (what the
        // search costs depends on how many vectors it compares, not on what they say), then the same search again
        int questionsPerArticle = Integer.getInteger("bench.questions", 5);
        int questionCount = similarQuestions(game.id(), questionsPerArticle);
        vectors.forget();
        long[] withQuestionsTimes = time(3000, i -> articleSearch.search(game.id(), null, fresh(300_000 + i), false, 10));
        // the two parts of meaning apart: the query's vector (the models, no cache), and the nearest vectors by brute
        // force over every article and similar question of the game (the same query vectors again and again)
        long[] queryVectorTimes = time(1000, 0, i -> embeddings.embed(fresh(400_000 + i))); // warm already: each one new
        List<float[]> queryVectors = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> embeddings.embed(fresh(500_000 + i)).orElseThrow()).toList();
        long[] nearestTimes = time(3000, i -> vectors.nearest(game.id(), queryVectors.get(i % queryVectors.size()),
                null, 20)); // as many as a search asks for
        System.gc();
        long heapWithQuestionsMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        long[] ticketTimes = time(3000, i -> ticketFinder.find(Set.of(game.id()),
                TICKET_QUERIES[i % TICKET_QUERIES.length], 50));
        long[] inboxTimes = time(3000, i -> ticketFinder.matching(Set.of(game.id()),
                TICKET_QUERIES[i % TICKET_QUERIES.length], org.playerdesk.ticket.TicketTextSearch.LIMIT));
        java.util.Map<String, long[]> parts = ArticleQueryParts.measure(entityManagers, game.id(), ARTICLE_QUERIES,
                BenchTimings::time);
        String loadAtEnd = loadAverage();

        String commit = System.getProperty("bench.commit", "");
        String date = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        StringBuilder partRows = new StringBuilder();
        StringBuilder partJson = new StringBuilder();
        for (var part : parts.entrySet()) {
            partRows.append(String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms |%n", part.getKey(),
                    ms(part.getValue(), 50), ms(part.getValue(), 95), ms(part.getValue(), 99)));
            partJson.append(String.format(Locale.ROOT, "%s    {\"part\": \"%s\", %s}", partJson.isEmpty() ? "" : ",\n",
                    part.getKey().replace("\"", "'"), percentiles(part.getValue())));
        }
        String report = String.format(Locale.ROOT, """
                # Search benchmark, %s

                Corpus: %,d articles (published, Chinese and English), %,d ticket messages in %,d tickets (Chinese and
                English), one game. Generated straight into the database and indexed (Hibernate Search, Lucene on
                disk, smartcn + English + CJK bigrams) in %.0f s (articles) and %.0f s (tickets). One client, after a
                warm-up of 500 queries; embedded H2, test profile. Machine: %d cores, JDK %s, load average at start
                %s, at the end %s (compare it with the cores: others may use the machine at the same time). Commit %s.

                | search | queries | p50 | p95 | p99 | target p95 |
                |---|---|---|---|---|---|
                | article search, words alone (before the articles' vectors) | %d | %.2f ms | %.2f ms | %.2f ms | |
                | article search (help center, top 10, highlight, synonyms, fuzzy, meaning) | %d | %.2f ms | %.2f ms | %.2f ms | < 30 ms |
                | article suggestions (ticket form, reader's language first, top 3, meaning) | %d | %.2f ms | %.2f ms | %.2f ms | < 30 ms |
                | article search with %d similar questions per article (%,d vectors more) | %d | %.2f ms | %.2f ms | %.2f ms | < 30 ms |
                | — its query's vector alone (both embedding models) | %d | %.2f ms | %.2f ms | %.2f ms | |
                | — its nearest articles by meaning alone (every vector of the game compared) | %d | %.2f ms | %.2f ms | %.2f ms | |
                | console ticket search (top 50, with subject) | %d | %.2f ms | %.2f ms | %.2f ms | < 50 ms |
                | inbox search box (ids of the best 500, every word) | %d | %.2f ms | %.2f ms | %.2f ms | |

                The articles' vectors (embedding model %s): %,d made in %.0f s. Heap in use after the measurements
                and a collection: %d MB, %d MB with the similar questions' vectors (the model itself lives outside the
                heap).

                What the parts of an article query cost (same queries, top 10, each line adds one part):

                | query | p50 | p95 | p99 |
                |---|---|---|---|
                %s
                Command: `bench/search --articles %d --messages %d`
                """, date, articleCount, messageCount, ticketCount, articleSeconds, ticketSeconds,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAtStart, loadAtEnd, commit,
                wordsAloneTimes.length, ms(wordsAloneTimes, 50), ms(wordsAloneTimes, 95), ms(wordsAloneTimes, 99),
                articleTimes.length, ms(articleTimes, 50), ms(articleTimes, 95), ms(articleTimes, 99),
                suggestionTimes.length, ms(suggestionTimes, 50), ms(suggestionTimes, 95), ms(suggestionTimes, 99),
                questionsPerArticle, questionCount, withQuestionsTimes.length, ms(withQuestionsTimes, 50),
                ms(withQuestionsTimes, 95), ms(withQuestionsTimes, 99),
                queryVectorTimes.length, ms(queryVectorTimes, 50), ms(queryVectorTimes, 95), ms(queryVectorTimes, 99),
                nearestTimes.length, ms(nearestTimes, 50), ms(nearestTimes, 95), ms(nearestTimes, 99),
                ticketTimes.length, ms(ticketTimes, 50), ms(ticketTimes, 95), ms(ticketTimes, 99),
                inboxTimes.length, ms(inboxTimes, 50), ms(inboxTimes, 95), ms(inboxTimes, 99),
                embeddings.model(), embedded, vectorSeconds, heapMb, heapWithQuestionsMb,
                partRows.toString().stripTrailing(),
                Integer.getInteger("bench.articles", 10_000), Integer.getInteger("bench.messages", 100_000));
        String json = String.format(Locale.ROOT, """
                {
                  "date": "%s",
                  "commit": "%s",
                  "machine": {"cores": %d, "jdk": "%s", "loadAtStart": "%s", "loadAtEnd": "%s", "shared": true},
                  "corpus": {"articlesAsked": %d, "messagesAsked": %d, "articles": %d, "messages": %d, "tickets": %d,
                             "articleSeconds": %.1f, "ticketSeconds": %.1f},
                  "vectors": {"model": "%s", "articles": %d, "seconds": %.1f, "heapMb": %d},
                  "articleSearchWordsAlone": {%s},
                  "articleSearch": {%s, "targetP95Ms": 30, "met": %s},
                  "suggestions": {%s},
                  "articleSearchWithQuestions": {"perArticle": %d, "questions": %d, %s, "heapMb": %d},
                  "queryVector": {%s},
                  "nearestByMeaning": {%s},
                  "ticketSearch": {%s, "targetP95Ms": 50, "met": %s},
                  "inboxSearch": {%s},
                  "articleQueryParts": [
                %s
                  ]
                }
                """, date, commit, Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAtStart,
                loadAtEnd, Integer.getInteger("bench.articles", 10_000), Integer.getInteger("bench.messages", 100_000),
                articleCount, messageCount, ticketCount, articleSeconds, ticketSeconds, embeddings.model(), embedded,
                vectorSeconds, heapMb, percentiles(wordsAloneTimes), percentiles(articleTimes),
                ms(articleTimes, 95) < 30, percentiles(suggestionTimes), questionsPerArticle, questionCount,
                percentiles(withQuestionsTimes), heapWithQuestionsMb, percentiles(queryVectorTimes),
                percentiles(nearestTimes), percentiles(ticketTimes),
                ms(ticketTimes, 95) < 50, percentiles(inboxTimes), partJson);
        String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + "-search-"
                + articleCount + "-" + messageCount;
        Path out = Path.of(System.getProperty("bench.results", "bench/results"));
        Files.createDirectories(out);
        Files.writeString(out.resolve(name + ".md"), report);
        Files.writeString(out.resolve(name + ".json"), json);
        System.out.println(report);
    }

    /** Gives every article of the game this many similar questions with random unit vectors; returns how many. */
    private int similarQuestions(UUID gameId, int perArticle) {
        if (perArticle <= 0) {
            return 0;
        }
        List<UUID> ids = jdbc.queryForList("select id from kb_article where game_id = ?", UUID.class, gameId);
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        int written = 0;
        for (UUID id : ids) {
            for (int q = 0; q < perArticle; q++) {
                float[] v = new float[embeddings.dimensions()];
                for (int d = 0; d < v.length; d++) {
                    v[d] = (float) random.nextGaussian();
                }
                rows.add(new Object[] { UUID.randomUUID(), id, gameId, "question " + q, "editor", now,
                        embeddings.model(), org.playerdesk.embedding.Vectors.toBytes(
                                org.playerdesk.embedding.Vectors.normalised(v)), now });
            }
            if (rows.size() >= 1_000) {
                written += insertQuestions(rows);
            }
        }
        return written + insertQuestions(rows);
    }

    private int insertQuestions(List<Object[]> rows) {
        jdbc.batchUpdate("insert into kb_article_question (id, article_id, game_id, question, source, created_at, model,"
                + " vector, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        int n = rows.size();
        rows.clear();
        return n;
    }

    /** A measured query: one of the queries with a number, so that each text is new. */
    private static String fresh(int i) {
        return ARTICLE_QUERIES[i % ARTICLE_QUERIES.length] + " " + (i / ARTICLE_QUERIES.length);
    }

    private static String percentiles(long[] sorted) {
        return String.format(Locale.ROOT, "\"queries\": %d, \"p50Ms\": %.2f, \"p95Ms\": %.2f, \"p99Ms\": %.2f",
                sorted.length, ms(sorted, 50), ms(sorted, 95), ms(sorted, 99));
    }

    /** Runs the batches until done or past the deadline; returns how many items were made. */
    private int batches(int total, long deadline, IntConsumer batch) {
        int made = 0;
        for (int from = 0; from < total; from += BATCH) {
            if (System.nanoTime() > deadline) {
                break;
            }
            int first = from;
            transactions.executeWithoutResult(status -> batch.accept(first));
            made = Math.min(from + BATCH, total);
        }
        return made;
    }

    private Article article(UUID gameId, int i) {
        boolean chinese = i % 2 == 0;
        Article article = new Article(gameId, chinese ? "zh-CN" : "en", Audience.PUBLIC, "bench", Instant.now());
        String title = chinese ? words(ZH, 3, "") + "怎么办" : "How to fix " + words(EN, 3, " ");
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 6; p++) {
            body.append(chinese ? words(ZH, 20, "，") + "。" : words(EN, 25, " ") + ". ").append("\n\n");
        }
        article.edit(new ArticleDraft(article.locale(), null, Audience.PUBLIC, i % 50 == 0, title, body.toString(),
                List.of(), null), "bench", Instant.now());
        article.publish("bench", Instant.now());
        return article;
    }

    private String sentence(int length) {
        return random.nextBoolean() ? words(ZH, length, "") + "。" : words(EN, length, " ") + ".";
    }

    private String words(String[] vocabulary, int count, String separator) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : separator).append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return text.toString();
    }
}
