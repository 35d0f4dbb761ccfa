package org.playerdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.playerdesk.LocalPostgres;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameCatalog;

/**
 * Two nodes on one PostgreSQL database sweep the same due timers at the same moment: every
 * warning and breach is fired, recorded and published exactly once between them. Runs only when
 * PostgreSQL answers on 127.0.0.1:5432; makes and drops its own database.
 */
class SlaTwoNodesIT {

    private static final String SERVER = LocalPostgres.SERVER;
    private static final int TICKETS = 30;

    @Test
    void twoNodesSweepingTogetherFireEachWarningAndBreachOnce() throws Exception {
        Assumptions.assumeTrue(LocalPostgres.reachable(), "PostgreSQL is not reachable on 127.0.0.1:5432");
        String database = "pd_sla_nodes_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        LocalPostgres.execute("postgres", "create database " + database);
        try {
            run(SERVER + database);
        } finally {
            LocalPostgres.execute("postgres", "drop database if exists " + database + " with (force)");
        }
    }

    private void run(String url) throws Exception {
        try (SlaNode a = SlaNode.start("sla-node-a", url, "postgres", "");
                SlaNode b = SlaNode.start("sla-node-b", url, "postgres", "")) {
            UUID game = a.bean(GameCatalog.class).register(TestWorkspace.unique("g"), "双节点", "zh-CN").id();
            List<UUID> tickets = new ArrayList<>();
            for (int i = 0; i < TICKETS; i++) {
                tickets.add((i % 2 == 0 ? a : b).open(game, "node-" + i, "consultation", "web"));
            }
            await().atMost(SlaNode.patience())
                    .until(() -> tickets.stream().allMatch(id -> a.head(id).slaDueAt() != null));
            Instant late = tickets.stream().map(id -> a.head(id).createdAt()).max(Instant::compareTo).orElseThrow()
                    .plus(Duration.ofMinutes(61));

            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Integer> onA = CompletableFuture.supplyAsync(() -> sweepAfter(start, a, late, game));
            CompletableFuture<Integer> onB = CompletableFuture.supplyAsync(() -> sweepAfter(start, b, late, game));
            start.countDown();
            int fired = onA.get() + onB.get();

            // each ticket's first response: one warning and one breach, whichever node fired it
            assertThat(fired).isEqualTo(2 * TICKETS);
            assertThat(count(url, "select count(*) from sla_firing where game_id = '" + game + "'"))
                    .isEqualTo(2L * TICKETS);
            assertThat(count(url, "select count(*) from ticket_history h join ticket t on t.id = h.ticket_id"
                    + " where t.game_id = '" + game + "' and h.new_value like '服务时效%'")).isEqualTo(2L * TICKETS);
            assertThat(SlaNode.FiredEvents.count("warning", game)).isEqualTo(TICKETS);
            assertThat(SlaNode.FiredEvents.count("breach", game)).isEqualTo(TICKETS);
            assertThat(a.sweep(late, game) + b.sweep(late, game)).isZero();
        }
    }

    private static int sweepAfter(CountDownLatch start, SlaNode node, Instant at, UUID game) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return node.sweep(at, game);
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
