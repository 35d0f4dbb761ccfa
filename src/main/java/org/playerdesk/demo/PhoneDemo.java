package org.playerdesk.demo;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.telephony.PhoneCallLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two phone calls of the demo game, logged by agent1 through {@link PhoneCallLog}: player 10001's
 * question answered on the call (a phone ticket), and player 10008 to be called back. Seeded once,
 * under the same conditions as the demo workspace.
 */
@Component
@Order(21)
class PhoneDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PhoneDemo.class);

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final PhoneCallLog calls;
    private final Clock clock;

    PhoneDemo(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, StaffDirectory staff,
            PhoneCallLog calls, Clock clock) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.staff = staff;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        boolean embedded;
        try (Connection connection = dataSource.getConnection()) {
            embedded = connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
        boolean wanted = properties.demo() != null ? properties.demo() : embedded;
        GameInfo game = games.byCode(DemoWorkspace.GAME).orElse(null);
        StaffMember agent = staff.byUsername("agent1").orElse(null);
        if (!wanted || game == null || agent == null || calls.anyIn(game.id())) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneId.of(games.profile(game.id()).timeZone())))
                .truncatedTo(ChronoUnit.MINUTES);
        calls.log(game.id(), new PhoneCallLog.Call("10001", "138-0013-8000", "inbound", now.minusHours(2), "4:10",
                "resolved", null, "玩家询问周年庆活动奖励的领取时间，已告知在活动结束后 24 小时内发放到邮箱。"), agent);
        calls.log(game.id(), new PhoneCallLog.Call("10008", "139-0013-9000", "outbound", now.minusHours(1), "1:30",
                "call_back", null, "回访老玩家，对方正在开会，约好明天上午再打。"), agent);
        log.info("Demo data: agent1 logged two phone calls of the demo game");
    }
}
