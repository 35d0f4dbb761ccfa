package org.playerdesk.demo;

import java.sql.Connection;

import javax.sql.DataSource;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.vip.VipService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo game's VIP roster, after the demo workspace: vip1 manages the simulated game's VIP
 * players 10008 (老玩家, gone quiet; vip1 has booked a call with him for tomorrow) and 10001
 * (夜雨听风), so their new tickets go to vip1 and the follow-up and inactive worklists have
 * something to show. Seeded once, under the same conditions as the demo workspace.
 */
@Component
@Order(20)
class VipDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(VipDemo.class);

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final VipService vip;
    private final java.time.Clock clock;

    VipDemo(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, StaffDirectory staff,
            VipService vip, java.time.Clock clock) {
        this.clock = clock;
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.staff = staff;
        this.vip = vip;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws Exception {
        boolean embedded;
        try (Connection connection = dataSource.getConnection()) {
            embedded = connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
        boolean wanted = properties.demo() != null ? properties.demo() : embedded;
        GameInfo game = games.byCode(DemoWorkspace.GAME).orElse(null);
        if (!wanted || game == null || !vip.roster(game.id()).isEmpty()) {
            return;
        }
        StaffMember lead = staff.byUsername("lead").orElse(null);
        StaffMember vip1 = staff.byUsername("vip1").orElse(null);
        if (lead == null || vip1 == null) {
            return;
        }
        var quiet = vip.assignManager(game.id(), "10008", vip1.id(), lead);
        vip.assignManager(game.id(), "10001", vip1.id(), lead);
        vip.bookFollowUp(quiet.id(), clock.instant().plus(java.time.Duration.ofDays(1)), vip1);
        log.info("Demo data: vip1 manages the VIP players 10008 and 10001 of the demo game, and calls 10008 tomorrow");
    }
}
