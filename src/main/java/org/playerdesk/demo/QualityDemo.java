package org.playerdesk.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.quality.QualityReviews;
import org.playerdesk.system.PlayerDeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo game's quality desk, after the demo workspace: qa1 (质检) joins; today's conversations
 * are drawn (so that the desk has a draw to show at once; the daily draw takes yesterday's); the
 * lead scores agent1's ban appeal (no follow-up offered while unsure) and qa1 scores agent2's bug
 * reply; agent1 disputes the lead's score, so the desk has a dispute to resolve and agent1 a review
 * in "My QA reviews". Seeded once, under the same conditions as the demo workspace.
 */
@Component
@Order(50)
class QualityDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(QualityDemo.class);

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final DemoPassword password;
    private final QualityReviews quality;
    private final Clock clock;

    QualityDemo(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, StaffDirectory staff,
            QualityReviews quality, Clock clock, DemoPassword password) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.staff = staff;
        this.password = password;
        this.quality = quality;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws Exception {
        GameInfo game = games.byCode(DemoWorkspace.GAME).orElse(null);
        if (!DemoWorkspace.wanted(properties, dataSource) || game == null || quality.anyScored(game.id())) {
            return;
        }
        StaffMember lead = staff.byUsername("lead").orElse(null);
        StaffMember agent1 = staff.byUsername("agent1").orElse(null);
        StaffMember agent2 = staff.byUsername("agent2").orElse(null);
        if (lead == null || agent1 == null || agent2 == null) {
            return;
        }
        StaffMember qa1 = staff.byUsername("qa1").orElseGet(() -> staff.enrol("qa1", "陈质检（质检）",
                password.get(), StaffRole.QA, "zh-CN", Set.of(game.id())));
        LocalDate today = LocalDate.ofInstant(clock.instant(), games.profile(game.id()).zone());
        List<QualityReviews.Drawn> drawn = quality.draw(game.id(), today, lead);
        drawn.stream().filter(d -> d.agentId().equals(agent1.id())).findFirst().ifPresent(first -> {
            var review = quality.score(first.ticketId(), agent1.id(), lead, List.of("no-follow-up"),
                    "无法立即确认时，要告诉玩家何时、如何回复他。");
            quality.dispute(review, agent1, "我已经请玩家提供登录时间，核实后会回复，不算没有提示。");
        });
        drawn.stream().filter(d -> d.agentId().equals(agent2.id())).findFirst().ifPresent(first -> quality
                .score(first.ticketId(), agent2.id(), qa1, List.of(), "处理及时，用语规范。"));
        log.info("Demo data: {} conversations drawn for review, qa1 (质检) enrolled", drawn.size());
    }
}
