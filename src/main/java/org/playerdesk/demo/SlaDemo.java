package org.playerdesk.demo;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.sla.SlaPolicies;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Service levels in the demo, after the demo workspace: the demo game gets the shipped policies,
 * and a player opens a live-chat ticket that nobody answers, so within minutes of start-up the
 * inbox shows its time running out (sorted "due first"), the warning at 4 minutes and the breach
 * at 5 reach lead's notification bell, and the ticket's history records both. Seeded once, under
 * the same conditions as the demo workspace.
 */
@Component
@Order(30)
class SlaDemo implements ApplicationRunner {

    static final String SUBJECT = "在线咨询:签到活动奖励没有到账";
    private static final Logger log = LoggerFactory.getLogger(SlaDemo.class);

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final SlaPolicies policies;
    private final TicketDesk desk;
    private final TicketQueries tickets;

    SlaDemo(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, SlaPolicies policies,
            TicketDesk desk, TicketQueries tickets) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.policies = policies;
        this.desk = desk;
        this.tickets = tickets;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        boolean embedded;
        try (Connection connection = dataSource.getConnection()) {
            embedded = connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
        boolean wanted = properties.demo() != null ? properties.demo() : embedded;
        GameInfo game = games.byCode(DemoWorkspace.GAME).orElse(null);
        if (!wanted || game == null) {
            return;
        }
        policies.policies(game.id());
        TicketFilter seeded = new TicketFilter(null, game.id(), null, null, null, TicketChannel.CHAT, null, false,
                null, null, SUBJECT, TicketFilter.Order.OLDEST);
        if (!tickets.search(seeded, 0, 1).isEmpty()) {
            return;
        }
        desk.open(new NewTicket(game.id(), new PlayerIdentity("10004", "月下独酌", "三区·朱雀", null), "consultation",
                "chat", null, SUBJECT, "连续签到 7 天的奖励一直没有发到邮箱,麻烦看一下。", null, Map.of(),
                false), List.of());
        log.info("Demo data: an unanswered live-chat ticket in the demo game; its 5-minute first response warns "
                + "at 4 minutes and is missed at 5 (see lead's notifications)");
    }
}
