package org.playerdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.playerdesk.HoldingProxy;
import org.playerdesk.LocalPostgres;
import org.playerdesk.PlayerDeskApplication;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two PlayerDesk nodes on one PostgreSQL database and one real OpenSearch node
 * ({@code playerdesk.search.backend=opensearch}): what one node publishes or writes is found by
 * the other's help-center and console searches within two seconds; and when node B is killed
 * (SIGKILL) in the middle of indexing, the changes it had committed but not indexed are indexed
 * by node A from the outbox, none lost. Node A is an application context of the test JVM; node B
 * is a process of its own ({@link SearchNodeProcess}) that reaches the cluster through a
 * {@link HoldingProxy}, so that the test can make it hang on its indexing requests and then
 * kill it. The agents' pulse expires after 20 s here instead of 30 s. One OpenSearch node and one
 * database for the class. Skipped outside CI when PostgreSQL cannot be reached on
 * 127.0.0.1:5432 (in CI it must run); against an external cluster with
 * {@code PLAYERDESK_TEST_OPENSEARCH_URIS}.
 */
@Tag("database-independent") // a PostgreSQL database of its own, whatever the suite runs on
class SearchClusterIT {

    private static final String SERVER = LocalPostgres.SERVER;
    /**
     * How long a change may take to reach the other node's searches before the test gives up: a
     * bound for a test that must end, not the figure (the poll, the cluster's request and its
     * refresh take about a second; on two cores busy with the rest of the suite it once took more
     * than 2 s). The test prints each time it saw.
     */
    private static final Duration ARRIVES = Duration.ofSeconds(30);
    private static final String OUTBOX = "hibernate.search.coordination.event_processor.";
    /**
     * Each node's agent pulses every 2 s (the default) and counts as gone 20 s after its last
     * pulse (30 s by default): longer than B takes to write its late changes while it hangs,
     * shorter than a default wait for A's take-over.
     */
    private static final int PULSE_INTERVAL = 2000;
    private static final int PULSE_EXPIRATION = 20_000;
    /** How many tickets, and how many articles, B writes while it hangs. */
    private static final int LATE = 8;

    private static String database;
    private static String url;
    /** The requests that write documents ({@code _bulk}, {@code _doc}, {@code _create}, {@code _update}). */
    private static final Pattern INDEXING = Pattern.compile("^(POST|PUT|DELETE) \\S*/(_bulk|_doc|_create|_update)\\b.*");

    private static HoldingProxy proxy;
    private static InProcessNode a;
    private static ProcessNode b;

    @BeforeAll
    static void startNodes() throws SQLException, IOException {
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
        URI cluster = URI.create(uris.split(",")[0].strip());
        proxy = new HoldingProxy(cluster.getHost(), cluster.getPort(), INDEXING);
        a = InProcessNode.start(settings("search-node-a", uris));
        b = ProcessNode.start("search-node-b", settings("search-node-b", "http://127.0.0.1:" + proxy.port()));
    }

    @AfterAll
    static void stopNodes() throws SQLException {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            LocalPostgres.execute("postgres", "drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void whatOneNodeWritesTheOtherFindsAndNothingIsLostWhenANodeIsKilledMidIndexing() throws SQLException {
        // both nodes' agents have joined and split the outbox between them (they agree at their pulses)
        await().atMost(Duration.ofSeconds(60)).until(() -> agents(true) == 2);
        GameInfo game = a.context.getBean(GameCatalog.class).register(TestWorkspace.unique("g"), "集群", "zh-CN");
        UUID id = game.id();
        // each node's first search loads smartcn's dictionary and opens its connections to the
        // cluster, and its first indexing runs code the JVM has not compiled yet (B's JVM is new):
        // seconds on a busy machine, done before the clock below starts
        List<Long> warmTickets = new ArrayList<>();
        List<UUID> warmArticles = new ArrayList<>();
        for (Node node : List.of(a, b)) {
            assertThat(node.articles(id, "账号被盗")).isEmpty();
            assertThat(node.tickets("钻石到账")).isEmpty();
            for (int i = 0; i < 4; i++) {
                warmTickets.add(node.open(id, "warm" + i, "新手礼包领取 " + i, "新手礼包在哪里领取"));
                warmArticles.add(node.article(id, "新手礼包说明 " + i, "新手礼包在活动页面领取。"));
            }
        }
        for (Node node : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(node.tickets("新手礼包")).containsAll(warmTickets);
                assertThat(node.articles(id, "新手礼包")).containsAll(warmArticles);
            });
        }

        // written on A, found on B's help center and console (the time counted from the article's writing)
        long onA = System.nanoTime();
        UUID article = a.article(id, "账号被盗怎么找回", "账号被盗后请立即修改密码，并联系客服冻结账号。");
        long ticket = a.open(id, "p1", "充值钻石没有到账", "昨天晚上充值的钻石一直没有到账");
        arrives("an article written on A, in B's help center", onA, () -> b.articles(id, "账号被盗").contains(article));
        arrives("a ticket written on A, in B's console", onA, () -> b.tickets("钻石到账").contains(ticket));
        // and on A too: every node reads the one index
        assertThat(a.articles(id, "找回账号")).contains(article);
        // the other way round
        long fromB = b.open(id, "p2", "登录时闪退", "更新之后一登录游戏就闪退");
        arrives("a ticket written on B, in A's console", System.nanoTime(), () -> a.tickets("闪退").contains(fromB));

        // B hangs in the middle of indexing: its requests that write to the cluster go unanswered
        // (its searches still pass); what it writes now is committed with its outbox events, and
        // the share of the events that is B's to index stays in the outbox. Both agents are
        // running and have split the shards when it starts.
        await().atMost(Duration.ofSeconds(60)).until(() -> agents(true) == 2);
        proxy.hold();
        String[] late = b.call("late", id.toString(), Integer.toString(LATE)).split(";");
        List<Long> written = ProcessNode.split(late[0]).stream().map(Long::valueOf).toList();
        List<UUID> articles = ProcessNode.split(late[1]).stream().map(UUID::fromString).toList();
        // B's event processor has sent a batch and waits for the cluster's answer
        await().atMost(Duration.ofSeconds(10)).until(() -> !proxy.held().isEmpty());
        assertThat(proxy.held()).allSatisfy(request -> assertThat(request).matches("(POST|PUT|DELETE) .*"));
        // and so, at the moment B dies: its events are in the outbox, some of what it wrote is not
        // found, and its agent is still registered with a pulse that has not expired, so A has not
        // taken its share
        assertThat(count("select count(*) from hsearch_outbox_event")).isPositive();
        List<Long> ticketsFound = a.tickets("补偿");
        List<UUID> articlesFound = a.articles(id, "补偿领取");
        assertThat(ticketsFound.containsAll(written) && articlesFound.containsAll(articles))
                .as("all of B's changes indexed before it died").isFalse();
        assertThat(agents(true)).as("both agents running on two shards, neither expired").isEqualTo(2);
        assertThat(b.kill()).as("killed by SIGKILL").isEqualTo(128 + 9);

        // B's agent stops pulsing; when its pulse has expired, A takes every shard and indexes what
        // B left in the outbox: all of it
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(a.tickets("补偿")).containsAll(written);
            assertThat(a.articles(id, "补偿领取")).containsAll(articles);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from hsearch_outbox_event") == 0
                && agents(false) == 1);
        // each change is in the index once: one hit per ticket and article
        assertThat(a.tickets("补偿")).filteredOn(written::contains).doesNotHaveDuplicates().hasSize(written.size());
        assertThat(a.articles(id, "补偿领取")).filteredOn(articles::contains).doesNotHaveDuplicates()
                .hasSize(articles.size());
    }

    /** A node's settings: the test's database, the cluster (or the proxy in front of it), the pulse. */
    private static List<String> settings(String name, String uris) {
        return List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--server.port=0",
                "--spring.jmx.enabled=false",
                "--playerdesk.data-dir=target/test-data/" + name,
                "--playerdesk.search.backend=opensearch",
                "--playerdesk.search.opensearch.uris=" + uris,
                "--playerdesk.search.opensearch.index-prefix=" + database + "-",
                "--spring.jpa.properties." + OUTBOX + "pulse_interval=" + PULSE_INTERVAL,
                "--spring.jpa.properties." + OUTBOX + "pulse_expiration=" + PULSE_EXPIRATION);
    }

    /** Waits until the change is found, and prints how long after {@code since} it was. */
    private static void arrives(String what, long since, java.util.concurrent.Callable<Boolean> found) {
        await().atMost(ARRIVES).pollInterval(Duration.ofMillis(50)).until(found);
        System.out.printf("SearchClusterIT: %s after %d ms%n", what, (System.nanoTime() - since) / 1_000_000);
    }

    /** What the test does on a node. */
    private interface Node {

        UUID article(UUID game, String title, String body);

        long open(UUID game, String account, String subject, String message);

        /** The help center's search: published public articles of the game. */
        List<UUID> articles(UUID game, String query);

        /** The console's ticket search, as an administrator (every game). */
        List<Long> tickets(String query);
    }

    /** A node in the test JVM, with no state but the database and the cluster. */
    private record InProcessNode(ConfigurableApplicationContext context) implements Node, AutoCloseable {

        static InProcessNode start(List<String> settings) {
            return new InProcessNode(new SpringApplicationBuilder(PlayerDeskApplication.class)
                    .run(settings.toArray(String[]::new)));
        }

        @Override
        public UUID article(UUID game, String title, String body) {
            return SearchNodeProcess.article(context, game, title, body);
        }

        @Override
        public long open(UUID game, String account, String subject, String message) {
            return SearchNodeProcess.open(context, game, account, subject, message);
        }

        @Override
        public List<UUID> articles(UUID game, String query) {
            return SearchNodeProcess.articles(context, game, query);
        }

        @Override
        public List<Long> tickets(String query) {
            return SearchNodeProcess.tickets(context, query);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /**
     * A node in a process of its own ({@link SearchNodeProcess}), on the test JVM's class path
     * and Java, driven through its standard input; its output is kept in
     * {@code target/search-nodes/<name>.log}.
     */
    private static final class ProcessNode implements Node, AutoCloseable {

        private final Process process;
        private final Path log;
        private final Writer commands;
        private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

        private ProcessNode(Process process, Path log) {
            this.process = process;
            this.log = log;
            this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread.ofPlatform().daemon().name("search-node-output").start(this::readOutput);
        }

        static ProcessNode start(String name, List<String> settings) throws IOException {
            Path log = Path.of("target", "search-nodes", name + ".log");
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                    "-Dstdout.encoding=UTF-8", "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), SearchNodeProcess.class.getName()));
            command.addAll(settings);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            ProcessNode node = new ProcessNode(builder.start(), log);
            try {
                String ready = node.answer(Duration.ofMinutes(3));
                if (!ready.equals("ready")) {
                    throw new IllegalStateException("the node did not start: " + ready + "; see " + log);
                }
            } catch (RuntimeException | Error e) {
                node.kill();
                throw e;
            }
            return node;
        }

        @Override
        public UUID article(UUID game, String title, String body) {
            return UUID.fromString(call("article", game.toString(), title, body));
        }

        @Override
        public long open(UUID game, String account, String subject, String message) {
            return Long.parseLong(call("ticket", game.toString(), account, subject, message));
        }

        @Override
        public List<UUID> articles(UUID game, String query) {
            return split(call("articles", game.toString(), query)).stream().map(UUID::fromString).toList();
        }

        @Override
        public List<Long> tickets(String query) {
            return split(call("tickets", query)).stream().map(Long::valueOf).toList();
        }

        /** SIGKILL: no shutdown hook runs, the agent does not leave, nothing is flushed. The exit status. */
        int kill() {
            process.destroyForcibly();
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Closing its standard input stops the node (its context closed); killed if it does not exit. */
        @Override
        public void close() {
            if (!process.isAlive()) {
                return;
            }
            try {
                commands.close();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }

        synchronized String call(String... fields) {
            try {
                commands.write(String.join("\t", fields) + "\n");
                commands.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("the node is gone; see " + log, e);
            }
            String answer = answer(Duration.ofSeconds(60));
            if (!answer.startsWith("ok ")) {
                throw new IllegalStateException(Arrays.toString(fields) + ": " + answer + "; see " + log);
            }
            return answer.substring(3);
        }

        private String answer(Duration timeout) {
            try {
                String answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (answer == null) {
                    throw new IllegalStateException("no answer from the node in " + timeout + "; see " + log);
                }
                return answer;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void readOutput() {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    file.write(line);
                    file.write('\n');
                    file.flush();
                    int at = line.indexOf(SearchNodeProcess.ANSWER);
                    if (at >= 0) {
                        answers.add(line.substring(at + SearchNodeProcess.ANSWER.length()));
                    }
                }
            } catch (IOException e) {
                // the node is gone
            } finally {
                answers.add("exited");
            }
        }

        static List<String> split(String values) {
            return values.isEmpty() ? List.of() : List.of(values.split(","));
        }
    }

    /**
     * The outbox's event-processing agents; with {@code splitInTwo}, only those running on two
     * shards whose pulse has not expired.
     */
    private static long agents(boolean splitInTwo) throws SQLException {
        return count("select count(*) from hsearch_agent where type = 'EVENT_PROCESSING_DYNAMIC_SHARDING'"
                + (splitInTwo ? " and state = 'RUNNING' and total_shard_count = 2 and expiration > now()" : ""));
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
