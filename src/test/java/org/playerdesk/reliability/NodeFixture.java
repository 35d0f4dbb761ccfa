package org.playerdesk.reliability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.ApiKeys;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What a node started by the reliability tests has besides PlayerDesk itself: its game and API
 * key, registered through the application's own services on the first start, and a read-only
 * report of what the database holds for that game, for the test to poll while the node runs (an
 * H2 file database can be opened by one process only). Handed to the node as an extra source
 * ({@code --spring.main.sources}); it has no stereotype annotation, so no other test context
 * picks it up.
 */
public class NodeFixture {

    static final String GAME = "reliability.game";
    static final String API_KEY = "reliability.api-key";

    /** Runs after the web server has started, so the API answers 401 until the key exists. */
    @Bean
    ApplicationRunner reliabilityGame(GameCatalog games, ApiKeys keys, Environment environment) {
        return args -> {
            String code = environment.getRequiredProperty(GAME);
            String secret = environment.getRequiredProperty(API_KEY);
            GameInfo game = games.byCode(code).orElseGet(() -> games.register(code, "可靠性测试", "zh-CN"));
            // not authenticate(): it would remember the key as unknown for a few seconds
            if (keys.all().stream().noneMatch(key -> key.gameId().equals(game.id()))) {
                keys.register(game.id(), "reliability test", secret, "reliability test");
            }
        };
    }

    @Bean
    @Order(0)
    SecurityFilterChain reliabilityReport(HttpSecurity http) throws Exception {
        return http.securityMatcher("/reliability/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> reliabilityReportRoute(JdbcTemplate jdbc) {
        return RouterFunctions.route()
                .GET("/reliability/games/{code}/ready", request -> ServerResponse.ok().body(ready(jdbc, request.pathVariable("code"))))
                .GET("/reliability/games/{code}", request -> ServerResponse.ok().body(report(jdbc, request.pathVariable("code"))))
                .build();
    }

    /**
     * Whether the game and its key exist. The test asks this before it calls the API: a key
     * presented before it exists is remembered as unknown for a few seconds.
     */
    static boolean ready(JdbcTemplate jdbc, String code) {
        return jdbc.queryForObject("select count(*) from api_key k join game g on g.id = k.game_id where g.code = ?",
                Long.class, code) > 0;
    }

    /** Counts over one game's rows; see {@link StoredState}. */
    static Map<String, Long> report(JdbcTemplate jdbc, String code) {
        UUID game = jdbc.queryForObject("select id from game where code = ?", UUID.class, code);
        Map<String, Long> report = new LinkedHashMap<>();
        report.put("tickets", count(jdbc, "select count(*) from ticket where game_id = ?", game));
        report.put("duplicateSubjects", count(jdbc, "select count(*) from (select subject from ticket where game_id = ? "
                + "group by subject having count(*) > 1) d", game));
        report.put("withoutMessage", count(jdbc, "select count(*) from ticket t where t.game_id = ? and not exists "
                + "(select 1 from ticket_message m where m.ticket_id = t.id and m.author_kind = 'player')", game));
        report.put("withoutHistory", count(jdbc, "select count(*) from ticket t where t.game_id = ? and not exists "
                + "(select 1 from ticket_history h where h.ticket_id = t.id)", game));
        report.put("withoutPlayer", count(jdbc, "select count(*) from ticket t where t.game_id = ? and not exists "
                + "(select 1 from player p where p.id = t.player_id and p.game_id = t.game_id)", game));
        report.put("idempotencyKeys", count(jdbc, "select count(*) from api_idempotency where game_id = ?", game));
        // events not delivered yet: in the publication registry, in the events outbox, or failed in it
        report.put("incompletePublications", jdbc.queryForObject("select count(*) from event_publication "
                + "where completion_date is null and serialized_event like ?", Long.class, "%" + game + "%")
                + jdbc.queryForObject("select count(*) from event_outbox where payload like ?", Long.class,
                        "%" + game + "%")
                + jdbc.queryForObject("select count(*) from event_outbox_failure where payload like ?", Long.class,
                        "%" + game + "%"));
        // counted events not rolled up yet, and the totals of the days rolled up already
        report.put("countedCreated", count(jdbc, "select count(*) from ticket_daily_counted "
                + "where game_id = ? and metric = 'CREATED' and rolled_up = false", game)
                + count(jdbc, "select coalesce(sum(total), 0) from ticket_daily_count "
                + "where game_id = ? and metric = 'CREATED'", game));
        return report;
    }

    private static long count(JdbcTemplate jdbc, String sql, UUID game) {
        return jdbc.queryForObject(sql, Long.class, game);
    }
}
