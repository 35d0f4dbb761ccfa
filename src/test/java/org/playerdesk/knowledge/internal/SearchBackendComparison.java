package org.playerdesk.knowledge.internal;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.playerdesk.PlayerDeskApplication;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.ArticleHit;
import org.playerdesk.knowledge.ArticleSearch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * Both search backends on the same articles and queries (the knowledge tests' and the search
 * benchmark's): which article each returns first, how many it returns, and the median and p95 of
 * the query's time, one client, after a warm-up. Each backend is a node of its own on an H2
 * database of its own; OpenSearch is {@link OpenSearchServer}'s. Not part of the test suite (its
 * name does not end in Test); run with {@code ./mvnw test -Dtest=SearchBackendComparison}. Writes
 * bench/results/<date>-search-backends.md.
 */
class SearchBackendComparison {

    static final int ROUNDS = 200;

    /** Title and body of each article, in Chinese and English. */
    static final String[][] ARTICLES = {
        {"账号被盗怎么办", "如果您的账号被盗，请立即修改密码，并提交工单说明最后一次登录的时间。"},
        {"充值未到账", "充值后金币没有到账，请提供订单号。账号安全请看其他文章。"},
        {"封号申诉", "账号因违规被封禁后，可以在七天内提交申诉，附上相关截图。"},
        {"兑换码无效怎么办", "兑换码区分大小写，每个兑换码只能使用一次，过期后无法兑换。"},
        {"游戏闪退或卡死", "更新后闪退请清理缓存并重新安装，卡死请检查网络。"},
        {"举报外挂", "发现使用外挂的玩家，请在游戏内举报并附上录像。"},
        {"绑定手机号", "在账号设置中绑定手机号，可以用验证码找回密码。"},
        {"维护补偿说明", "停服维护结束后，补偿通过邮件发放，请在七天内领取。"},
        {"My account was stolen", "Change your password at once and tell us when you last logged in."},
        {"Recharge not received", "If a payment is missing, send us the order number; a refund takes seven days."},
        {"Game crashes after update", "Clear the cache and reinstall the game if it crashes after an update."},
    };

    /** A query and the title it should find first (null: nothing should be found). */
    static final String[][] QUERIES = {
        {"账号被盗了", "账号被盗怎么办"}, {"号被偷了", "账号被盗怎么办"}, {"充值没到账", "充值未到账"},
        {"封号申诉", "封号申诉"}, {"封号", "封号申诉"}, {"兑换码无效", "兑换码无效怎么办"}, {"游戏闪退", "游戏闪退或卡死"},
        {"举报外挂", "举报外挂"}, {"绑定手机号", "绑定手机号"}, {"补偿", "维护补偿说明"}, {"找回密码", "绑定手机号"},
        {"account stolen", "My account was stolen"}, {"acount stolen", "My account was stolen"},
        {"pasword", "My account was stolen"}, {"recharge not received", "Recharge not received"},
        {"refund", "Recharge not received"}, {"game crash", "Game crashes after update"}, {"氪金", null},
        {"公会", null}};

    @Test
    void compare() throws IOException {
        Map<String, List<Row>> results = new LinkedHashMap<>();
        results.put("lucene", run("cmp-lucene", "lucene"));
        results.put("opensearch", run("cmp-opensearch", "opensearch"));
        String report = report(results);
        System.out.println(report);
        Path out = Path.of("bench/results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"))
                + "-search-backends.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    record Row(String query, String expected, String first, int hits, double p50, double p95) {
        boolean right() {
            return expected == null ? first == null : expected.equals(first);
        }
    }

    private static List<Row> run(String name, String backend) {
        String db = "jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db, "--spring.datasource.username=sa",
                "--spring.datasource.password=", "--server.port=0", "--spring.jmx.enabled=false",
                "--playerdesk.data-dir=target/test-data/" + name, "--playerdesk.search.backend=" + backend,
                "--logging.level.org.hibernate.search=warn"));
        if (backend.equals("opensearch")) {
            args.add("--playerdesk.search.opensearch.uris=" + OpenSearchServer.shared().uris());
            args.add("--playerdesk.search.opensearch.index-prefix=" + name + "-" + System.nanoTime() + "-");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlayerDeskApplication.class)
                .run(args.toArray(String[]::new))) {
            GameInfo game = context.getBean(GameCatalog.class).register(TestWorkspace.unique("g"), "对比", "zh-CN");
            KnowledgeBase knowledge = context.getBean(KnowledgeBase.class);
            for (String[] article : ARTICLES) {
                String locale = article[0].chars().anyMatch(c -> c > 0x2E80) ? "zh-CN" : "en";
                knowledge.create(game.id(), new ArticleForm(locale, "", "public", false, article[0], article[1], "", null),
                        "tester", true);
            }
            EntityManagerFactory factory = context.getBean(EntityManagerFactory.class);
            TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                try (EntityManager em = factory.createEntityManager()) {
                    return transactions.execute(s -> Search.session(em).search(Article.class)
                            .where(f -> f.matchAll()).fetchTotalHitCount()) == ARTICLES.length;
                }
            });
            ArticleSearch search = context.getBean(ArticleSearch.class);
            for (int i = 0; i < 50; i++) {
                for (String[] query : QUERIES) {
                    search.search(game.id(), null, query[0], false, 5);
                }
            }
            List<Row> rows = new ArrayList<>();
            for (String[] query : QUERIES) {
                long[] nanos = new long[ROUNDS];
                List<ArticleHit> hits = List.of();
                for (int i = 0; i < ROUNDS; i++) {
                    long start = System.nanoTime();
                    hits = search.search(game.id(), null, query[0], false, 5);
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                rows.add(new Row(query[0], query[1], hits.isEmpty() ? null : hits.getFirst().title(), hits.size(),
                        nanos[ROUNDS / 2] / 1e6, nanos[ROUNDS * 95 / 100] / 1e6));
            }
            return rows;
        }
    }

    private static String report(Map<String, List<Row>> results) {
        StringBuilder md = new StringBuilder("# Search backends compared\n\n");
        md.append(String.format(Locale.ROOT, "%d articles, %d queries, %d rounds each after a warm-up, one client, "
                + "%d cores; lucene = embedded smartcn index (in memory), opensearch = one local OpenSearch 2.19 node.%n%n",
                ARTICLES.length, QUERIES.length, ROUNDS, Runtime.getRuntime().availableProcessors()));
        md.append("| query | expected first | lucene: first (hits) | opensearch: first (hits) | lucene p50/p95 ms | opensearch p50/p95 ms |\n");
        md.append("| --- | --- | --- | --- | --- | --- |\n");
        List<Row> lucene = results.get("lucene");
        List<Row> open = results.get("opensearch");
        for (int i = 0; i < lucene.size(); i++) {
            Row l = lucene.get(i);
            Row o = open.get(i);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s%s (%d) | %s%s (%d) | %.2f / %.2f | %.2f / %.2f |%n",
                    l.query(), l.expected() == null ? "—" : l.expected(), l.right() ? "" : "✗ ",
                    l.first() == null ? "—" : l.first(), l.hits(), o.right() ? "" : "✗ ",
                    o.first() == null ? "—" : o.first(), o.hits(), l.p50(), l.p95(), o.p50(), o.p95()));
        }
        for (var entry : results.entrySet()) {
            List<Row> rows = entry.getValue();
            double[] p50 = rows.stream().mapToDouble(Row::p50).sorted().toArray();
            md.append(String.format(Locale.ROOT, "%n%s: %d of %d right first, %d hits in all, median of the queries' p50 %.2f ms",
                    entry.getKey(), rows.stream().filter(Row::right).count(), rows.size(),
                    rows.stream().mapToInt(Row::hits).sum(), p50[p50.length / 2]));
        }
        return md.append("\n").toString();
    }
}
