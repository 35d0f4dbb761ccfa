package org.playerdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.playerdesk.PlayerDeskApplication;
import org.playerdesk.LocalPostgres;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.ArticleHit;
import org.playerdesk.knowledge.ArticleSearch;
import org.playerdesk.knowledge.TicketFinder;
import org.playerdesk.knowledge.TicketHit;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two PlayerDesk nodes on one PostgreSQL database and one real OpenSearch node
 * ({@code playerdesk.search.backend=opensearch}): what one node publishes or writes is found by
 * the other's help-center and console searches within two seconds, and the changes a node had
 * not indexed yet when it stopped are indexed by the other from the outbox, none lost. One
 * OpenSearch node and one database for the class. Skipped outside CI when PostgreSQL cannot be
 * reached on 127.0.0.1:5432 (in CI it must run); against an external cluster with
 * {@code PLAYERDESK_TEST_OPENSEARCH_URIS}.
 */
@Tag("database-independent") // a PostgreSQL database of its own, whatever the suite runs on
class SearchClusterIT {

    private static final String SERVER = LocalPostgres.SERVER;
    private static final Duration WITHIN = Duration.ofSeconds(2);

    private static String database;
    private static String url;
    private static Node a;
    private static Node b;

    @BeforeAll
    static void startNodes() throws SQLException {
        if (!LocalPostgres.reachable()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("the two-node search test needs PostgreSQL on 127.0.0.1:5432");
            }
            Assumptions.abort("PostgreSQL is not reachable on 127.0.0.1:5432");
        }
        database = "pd_search_nodes_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        LocalPostgres.execute("postgres", "create database " + database);
        url = SERVER + database;
        String uris = OpenSearchServer.shared().uris();
        String prefix = database + "-";
        a = Node.start("search-node-a", url, uris, prefix);
        b = Node.start("search-node-b", url, uris, prefix);
    }

    @AfterAll
    static void stopNodes() throws SQLException {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (database != null) {
            LocalPostgres.execute("postgres", "drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void whatOneNodeWritesTheOtherFindsAndNothingIsLostWhenANodeStops() throws SQLException {
        // both nodes' agents have joined and split the outbox between them (they agree at their pulses)
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from hsearch_agent"
                + " where type = 'EVENT_PROCESSING_DYNAMIC_SHARDING' and state = 'RUNNING' and total_shard_count = 2") == 2);
        GameInfo game = a.bean(GameCatalog.class).register(TestWorkspace.unique("g"), "集群", "zh-CN");
        // each node's first search loads smartcn's dictionary and opens its connections to the
        // cluster, seconds on a busy machine: done before the clock below starts
        for (Node node : List.of(a, b)) {
            assertThat(node.articles(game, "账号被盗")).isEmpty();
            assertThat(node.tickets("钻石到账")).isEmpty();
        }

        // written on A, found on B's help center and console
        UUID article = a.article(game, "账号被盗怎么找回", "账号被盗后请立即修改密码，并联系客服冻结账号。");
        long ticket = a.open(game, "p1", "充值钻石没有到账", "昨天晚上充值的钻石一直没有到账");
        await().atMost(WITHIN).until(() -> b.articles(game, "账号被盗").contains(article));
        await().atMost(WITHIN).until(() -> b.tickets("钻石到账").contains(ticket));
        // and on A too: every node reads the one index
        assertThat(a.articles(game, "找回账号")).contains(article);
        // the other way round
        long fromB = b.open(game, "p2", "登录时闪退", "更新之后一登录游戏就闪退");
        await().atMost(WITHIN).until(() -> a.tickets("闪退").contains(fromB));

        // B stops with its changes in the outbox: A takes over B's share and indexes them all
        List<Long> written = new ArrayList<>();
        List<UUID> articles = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            written.add(b.open(game, "late" + i, "停服补偿没有收到 " + i, "维护补偿邮件没有收到"));
            articles.add(b.article(game, "维护补偿领取说明 " + i, "停服维护结束后补偿通过邮件发放。"));
        }
        b.close();
        b = null;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(a.tickets("补偿")).containsAll(written);
            assertThat(a.articles(game, "补偿领取")).containsAll(articles);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from hsearch_outbox_event") == 0);
    }

    /** A whole node, with no state but the database and the cluster. */
    private static final class Node implements AutoCloseable {

        private final ConfigurableApplicationContext context;

        private Node(ConfigurableApplicationContext context) {
            this.context = context;
        }

        static Node start(String name, String url, String uris, String prefix) {
            return new Node(new SpringApplicationBuilder(PlayerDeskApplication.class).run(
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--server.port=0",
                    "--spring.jmx.enabled=false",
                    "--playerdesk.data-dir=target/test-data/" + name,
                    "--playerdesk.search.backend=opensearch",
                    "--playerdesk.search.opensearch.uris=" + uris,
                    "--playerdesk.search.opensearch.index-prefix=" + prefix));
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        UUID article(GameInfo game, String title, String body) {
            return bean(KnowledgeBase.class).create(game.id(), new ArticleForm("zh-CN", "", "public", false, title,
                    body, ""), "tester", true).getId();
        }

        long open(GameInfo game, String account, String subject, String message) {
            return bean(TicketDesk.class).open(new NewTicket(game.id(), new PlayerIdentity(account, "玩家" + account,
                    "S1", null), "consultation", "web", null, subject, message, null, Map.of(), false), List.of())
                    .ticket().number();
        }

        /** The help center's search: published public articles of the game. */
        List<UUID> articles(GameInfo game, String query) {
            return bean(ArticleSearch.class).search(game.id(), null, query, false, 50).stream().map(ArticleHit::id)
                    .toList();
        }

        /** The console's ticket search, as an administrator (every game). */
        List<Long> tickets(String query) {
            return bean(TicketFinder.class).find(null, query, 50).stream().map(TicketHit::number).toList();
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
