package org.playerdesk.demo;

import java.sql.Connection;
import java.util.Set;

import javax.sql.DataSource;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.routing.QueueRules;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.system.PlayerDeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo game's routing, after the demo workspace: second-line tickets go round robin to the
 * second line, payment tickets to the least loaded of agent1 and agent2 (a VIP player's first to
 * vip1), everything else round robin to the first line; agent1 works all day, agent2 office
 * hours. Agents receive tickets while online in live chat; "Next" in the inbox works any time.
 * Seeded once, under the same conditions as the demo workspace.
 */
@Component
@Order(30)
class RoutingDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RoutingDemo.class);

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final RoutingSetup routing;

    RoutingDemo(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, StaffDirectory staff,
            RoutingSetup routing) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.staff = staff;
        this.routing = routing;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        boolean embedded;
        try (Connection connection = dataSource.getConnection()) {
            embedded = connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
        boolean wanted = properties.demo() != null ? properties.demo() : embedded;
        GameInfo game = games.byCode(DemoWorkspace.GAME).orElse(null);
        if (!wanted || game == null || !routing.queues(game.id()).isEmpty()) {
            return;
        }
        StaffMember lead = staff.byUsername("lead").orElse(null);
        StaffMember agent1 = staff.byUsername("agent1").orElse(null);
        StaffMember agent2 = staff.byUsername("agent2").orElse(null);
        if (lead == null || agent1 == null || agent2 == null) {
            return;
        }
        routing.changeSkills(agent1.id(), "", "zh", 8, "Asia/Shanghai", "daily 00:00-24:00", "", lead);
        routing.changeSkills(agent2.id(), "", "zh, en", 10, "Asia/Shanghai",
                "mon-fri 09:00-18:00; sat,sun 10:00-16:00", "", lead);
        routing.defineQueue(game.id(), null, new QueueRules("二线处理", 1, "round_robin", false, null, null, null, null,
                "second_line", "l2", Set.of()), lead);
        routing.defineQueue(game.id(), null, new QueueRules("充值问题", 2, "least_loaded", true, null, "payment", null,
                null, null, null, Set.of(agent1.id(), agent2.id())), lead);
        routing.defineQueue(game.id(), null, new QueueRules("一线综合", 3, "round_robin", true, null, null, null, null,
                "first_line", "l1", Set.of()), lead);
        log.info("Demo data: three routing queues for the demo game; agent1 and agent2 have skills and shifts");
    }
}
