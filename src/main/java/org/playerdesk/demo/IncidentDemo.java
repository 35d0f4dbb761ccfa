package org.playerdesk.demo;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.incident.IncidentDraft;
import org.playerdesk.incident.IncidentView;
import org.playerdesk.incident.Incidents;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo game's incidents, after the demo workspace: an open incident about logging in on
 * 二区·白虎 with its public notice (shown on the demo help center) and three linked tickets, and an
 * outage storm on 一区·青龙 — 24 players reporting lag and disconnects in their own words — which
 * the grouping turns into a proposal for the lead to confirm. Seeded once, under the same
 * conditions as the demo workspace.
 */
@Component
@Order(30)
class IncidentDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IncidentDemo.class);

    static final List<String> STORM = List.of("服务器卡顿严重，根本没法玩", "又掉线了！！！", "一直断线重连，什么情况",
            "游戏好卡好卡", "延迟好高，ping 460", "刚才被踢下线，现在连不上", "keep getting disconnected", "huge lag spikes",
            "卡死了，人物动不了", "打着打着就掉线了");

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final Incidents incidents;
    private final TicketDesk desk;

    IncidentDemo(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, StaffDirectory staff,
            Incidents incidents, TicketDesk desk) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.staff = staff;
        this.incidents = incidents;
        this.desk = desk;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        boolean embedded;
        try (Connection connection = dataSource.getConnection()) {
            embedded = connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
        boolean wanted = properties.demo() != null ? properties.demo() : embedded;
        GameInfo game = games.byCode(DemoWorkspace.GAME).orElse(null);
        StaffMember lead = staff.byUsername("lead").orElse(null);
        if (!wanted || game == null || lead == null
                || !incidents.list(Set.of(game.id()), Set.of(), 0).getContent().isEmpty()) {
            return;
        }
        Actor by = Actor.agent(lead.id(), lead.displayName());
        IncidentView login = incidents.open(game.id(), new IncidentDraft("二区·白虎 登录异常",
                "登录服务器 02 无响应，技术部正在处理。", "二区·白虎",
                "二区·白虎 部分玩家无法登录，技术团队正在紧急修复，预计 30 分钟内恢复。给您带来不便，敬请谅解。",
                "Some players cannot log in on 二区·白虎. Our engineers are fixing it; expected back within 30 minutes."),
                by);
        for (int i = 1; i <= 3; i++) {
            incidents.link(login.id(), report("2010" + i, "二区·白虎", "登不上", "登录一直失败，提示连接超时"), by);
        }
        for (int i = 0; i < 24; i++) {
            String text = STORM.get(i % STORM.size());
            report("3" + String.format("%04d", i), "一区·青龙", text.length() > 12 ? text.substring(0, 12) : text, text);
        }
        log.info("Demo data: an open incident with a help-center notice, and an outage storm of 24 reports");
    }

    private java.util.UUID report(String account, String server, String subject, String message) {
        return desk.open(new NewTicket(games.byCode(DemoWorkspace.GAME).orElseThrow().id(),
                new PlayerIdentity(account, "玩家" + account, server, null), "bug", "in_game", null, subject, message,
                null, Map.of(), false), List.of()).ticket().id();
    }
}
