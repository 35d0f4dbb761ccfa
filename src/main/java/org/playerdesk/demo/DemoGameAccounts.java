package org.playerdesk.demo;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.ConnectorKind;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameConnectors;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Connects the demo game to the built-in simulated game backend, whose scenario accounts are the
 * demo tickets' players (docs/game-connector.md), and opens a few more tickets from scenario
 * accounts: a partner-channel player, a high-recharge VIP, a frozen account and a farming alt.
 * Runs after {@link DemoWorkspace}, under the same conditions; each part is done once.
 */
@Component
@Order(10)
class DemoGameAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGameAccounts.class);

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final GameConnectors connectors;
    private final PlayerDirectory players;
    private final TicketDesk desk;
    private final GameBackends backends;

    DemoGameAccounts(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games,
            GameConnectors connectors, PlayerDirectory players, TicketDesk desk, GameBackends backends) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.connectors = connectors;
        this.players = players;
        this.desk = desk;
        this.backends = backends;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws Exception {
        GameInfo game = DemoWorkspace.wanted(properties, dataSource) ? games.byCode(DemoWorkspace.GAME).orElse(null)
                : null;
        if (game == null) {
            return;
        }
        if (connectors.settings(game.id()).kind() == ConnectorKind.NONE) {
            connectors.configure(game.id(), ConnectorKind.SIMULATED, null, null, null, null, "PlayerDesk");
            log.info("Demo data: the demo game is served by the simulated game backend");
        }
        if (players.find(game.id(), "50001").isEmpty()) {
            open(game, "20001", "payment", "normal", "小米渠道充值没到账",
                    "我在小米游戏中心充值了30元，钻石没有到账，是不是要找小米？", Map.of("channel", "小米游戏中心"));
            open(game, "50001", "consultation", "high", "想了解VIP专属服务",
                    "我在游戏里充值很多年了，听说有VIP专属客服和生日礼包，怎么申请？", Map.of());
            open(game, "40002", "ban_appeal", "normal", "账号被冻结无法登录",
                    "我的账号登录时提示已冻结，我什么都没做，请帮我解冻。", Map.of());
            open(game, "10006", "cheat_report", "normal", "玄武区有工作室刷金",
                    "四区·玄武的\"搬砖1号\"到\"搬砖8号\"一直在同一个副本刷金币，然后交易给\"工作室老板\"，请查一下。",
                    Map.of());
            log.info("Demo data: opened tickets from the simulated game's scenario accounts");
        }
    }

    /** A ticket from a scenario account, with the nickname and server the game knows it by. */
    private void open(GameInfo game, String account, String type, String priority, String subject,
            String message, Map<String, String> metadata) {
        AccountProfile profile = backends.of(game.id()).profile(account);
        desk.open(new NewTicket(game.id(),
                new PlayerIdentity(account, profile.nickname(), profile.server(), profile.roleName()), type, "in_game",
                priority, subject, message, null, metadata, false), List.of());
    }
}
