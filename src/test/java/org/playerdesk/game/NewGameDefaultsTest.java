package org.playerdesk.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A game registered in the console gets, from the modules that own them and without anyone
 * opening their pages first, what the demo game has: canned replies and forbidden phrases,
 * procedures, violation types with their penalty ladders, a first- and a second-line queue, and
 * service-level policies on the business calendar and in the time zone chosen at registration.
 * A game registered without the default queues (as the demo workspace does) gets none.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class NewGameDefaultsTest {

    @Autowired
    GameCatalog games;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRegisteredGameGetsEveryModulesDefaults() {
        GameProfile game = games.register(TestWorkspace.unique("fresh"), "新游戏", "zh-CN", "Europe/Berlin", "office",
                List.of("in_game", "web"));
        UUID id = game.id();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count("kb_canned_reply", id)).as("canned replies").isPositive();
            assertThat(count("kb_forbidden_phrase", id)).as("forbidden phrases").isPositive();
            assertThat(count("playbook", id)).as("procedures").isPositive();
            assertThat(count("violation_type", id)).as("violation types and penalty ladders").isPositive();
            assertThat(count("sla_policy", id)).as("service-level policies").isPositive();
            assertThat(jdbc.queryForList("select name from routing_queue where game_id = ? order by position",
                    String.class, id)).as("queues").containsExactly("二线处理", "一线综合");
        });
        assertThat(jdbc.queryForList("select distinct time_zone from sla_calendar where game_id = ?", String.class, id))
                .containsExactly("Europe/Berlin");
        List<Boolean> policyCalendars = jdbc.queryForList("select c.always_open from sla_policy p "
                + "join sla_calendar c on c.id = p.calendar_id where p.game_id = ?", Boolean.class, id);
        assertThat(policyCalendars).isNotEmpty().containsOnly(false);
    }

    @Test
    void aGameRegisteredWithoutDefaultQueuesGetsNone() {
        GameInfo game = games.register(TestWorkspace.unique("own"), "自带队列", "zh-CN");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(count("playbook", game.id())).as("procedures").isPositive());
        assertThat(count("routing_queue", game.id())).isZero();
    }

    private long count(String table, UUID gameId) {
        return jdbc.queryForObject("select count(*) from " + table + " where game_id = ?", Long.class, gameId);
    }
}
