package org.playerdesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * The inbox in service-level order ("due first") over a large ticket table: generates tickets
 * with SQL (generate_series) into a migrated, otherwise empty database, then runs the query the
 * inbox sends (the reader's games, active statuses, ordered by the deadline, nulls last, then
 * priority and age; 26 rows for a page of 25) from one client and prints p50/p95/p99 and the
 * plan. See bench/README.md, "Inbox in SLA order".
 *
 * <pre>
 * java -cp 'bench/target/classes:bench/target/lib/*' org.playerdesk.bench.SlaInbox \
 *      --jdbc jdbc:postgresql://127.0.0.1:5432/db --tickets 1000000 --games 10 --queries 3000
 * </pre>
 */
public final class SlaInbox {

    static final String QUERY = """
            select t.* from ticket t
            where t.game_id in (%s) and t.status in ('new', 'open', 'pending_player', 'pending_internal')
            order by t.sla_due_at asc nulls last, t.priority_rank desc, t.created_at asc
            offset ? rows fetch first 26 rows only""";

    public static void main(String[] args) throws Exception {
        Arguments options = new Arguments(args);
        String jdbc = options.required("jdbc");
        int tickets = options.integer("tickets", 1_000_000);
        int games = options.integer("games", 10);
        int queries = options.integer("queries", 3000);
        boolean generate = !"false".equals(options.text("generate", "true"));
        try (Connection db = DriverManager.getConnection(jdbc, options.text("user", "postgres"),
                options.text("password", ""))) {
            if (generate) {
                long start = System.nanoTime();
                generate(db, tickets, games);
                System.out.printf("generated %,d tickets in %d games in %.1f s%n", tickets, games,
                        (System.nanoTime() - start) / 1e9);
            }
            List<UUID> gameIds = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery("select id from game where code like 'slab%'")) {
                while (rs.next()) {
                    gameIds.add(rs.getObject(1, UUID.class));
                }
            }
            try (ResultSet rs = db.createStatement().executeQuery("select count(*), count(*) filter (where status in "
                    + "('new','open','pending_player','pending_internal')) from ticket")) {
                rs.next();
                System.out.printf("tickets: %,d, active: %,d%n", rs.getLong(1), rs.getLong(2));
            }
            for (int scope : new int[] { 3, 1, games }) {
                measure(db, gameIds, Math.min(scope, gameIds.size()), queries);
            }
        }
    }

    static void generate(Connection db, int tickets, int games) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("insert into game (id, code, name, default_locale, created_at) select md5('slab' || g)::uuid,"
                    + " 'slab' || g, 'SLA bench ' || g, 'zh-CN', now() from generate_series(1, " + games + ") g");
            int playersPerGame = Math.max(1, tickets / games / 4);
            sql.execute("insert into player (id, game_id, account_id, nickname, created_at, updated_at)"
                    + " select md5('slab-p' || g || '-' || i)::uuid, md5('slab' || g)::uuid, 'p' || i, '玩家' || i,"
                    + " now(), now() from generate_series(1, " + games + ") g, generate_series(0, "
                    + (playersPerGame - 1) + ") i");
            // a year of tickets, the newest ~6% still active with a deadline (one in ten of those
            // paused: no deadline), the rest resolved or closed
            sql.execute("""
                    insert into ticket (id, game_id, number, player_id, subject, type, channel, priority,
                        priority_rank, status, created_at, updated_at, version, sla_due_at, sla_state, support_level)
                    select md5('slab-t' || n)::uuid, md5('slab' || (n %% %1$d + 1))::uuid, n / %1$d + 1,
                        md5('slab-p' || (n %% %1$d + 1) || '-' || ((n / %1$d) %% %2$d))::uuid,
                        '工单 ' || n, (array['consultation','complaint','bug','payment','account_stolen'])[n %% 5 + 1],
                        (array['in_game','web','chat','email'])[n %% 4 + 1],
                        (array['low','normal','normal','high','urgent'])[n %% 5 + 1], (array[0,1,1,2,3])[n %% 5 + 1],
                        case when n > %3$d * 0.94 then (array['new','open','pending_player','pending_internal'])[n %% 4 + 1]
                             else (array['resolved','closed','closed'])[n %% 3 + 1] end,
                        created, created, 0,
                        case when n > %3$d * 0.94 and n %% 4 <> 2 then created + ((n %% 2880) || ' minutes')::interval end,
                        case when n > %3$d * 0.94 then case when n %% 4 = 2 then 'paused' else 'on_track' end end,
                        'first_line'
                    from (select n, now() - ((%3$d - n) * (365.0 * 86400 / %3$d) || ' seconds')::interval as created
                          from generate_series(1, %3$d) n) s
                    """.formatted(games, playersPerGame, tickets));
            sql.execute("analyze ticket");
        }
    }

    static void measure(Connection db, List<UUID> games, int scope, int queries) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(scope, "?"));
        Random random = new Random(42);
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        try (PreparedStatement query = db.prepareStatement(QUERY.formatted(marks))) {
            for (int i = 0; i < queries + 300; i++) {
                List<UUID> shuffled = new ArrayList<>(games);
                Collections.shuffle(shuffled, random);
                for (int g = 0; g < scope; g++) {
                    query.setObject(g + 1, shuffled.get(g));
                }
                // mostly the first page, sometimes a later one
                query.setInt(scope + 1, random.nextInt(10) < 8 ? 0 : 25 * (1 + random.nextInt(4)));
                long start = System.nanoTime();
                int rows = 0;
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                if (i >= 300) {
                    latency.recordValue(System.nanoTime() - start);
                }
                if (rows == 0) {
                    throw new IllegalStateException("the inbox came back empty");
                }
            }
        }
        System.out.printf("scope %d of %d games: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (%d queries)%n",
                scope, games.size(), latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(95) / 1e6,
                latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6, latency.getTotalCount());
        try (PreparedStatement explain = db.prepareStatement("explain (analyze, buffers) "
                + QUERY.formatted(marks).replace("offset ? rows", "offset 0 rows"))) {
            for (int g = 0; g < scope; g++) {
                explain.setObject(g + 1, games.get(g));
            }
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    System.out.println("    " + rs.getString(1));
                }
            }
        }
    }
}
