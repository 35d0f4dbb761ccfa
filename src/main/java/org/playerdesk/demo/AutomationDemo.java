package org.playerdesk.demo;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.automation.AutomationRules;
import org.playerdesk.automation.RuleAction;
import org.playerdesk.automation.RuleConditions;
import org.playerdesk.automation.RuleDraft;
import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo game's automation rules, written by the lead after the demo workspace: complaints and
 * stolen accounts raised at once, a player chasing an answer flagged to the assignee, a missed
 * service level sent to the leads; and the two time rules with their defaults. Then the rules at
 * work: the player of the lost 648 recharge chases it (tagged 催单, agent2 told) and a partner
 * player's complaint comes in (raised, the leads told). Seeded once, under the same conditions as
 * the demo workspace.
 */
@Component
@Order(21)
class AutomationDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AutomationDemo.class);

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final AutomationRules rules;
    private final PlayerDirectory players;
    private final TicketQueries tickets;
    private final TicketDesk desk;
    private final GameBackends backends;

    AutomationDemo(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, StaffDirectory staff,
            AutomationRules rules, PlayerDirectory players, TicketQueries tickets, TicketDesk desk,
            GameBackends backends) {
        this.players = players;
        this.tickets = tickets;
        this.desk = desk;
        this.backends = backends;
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.staff = staff;
        this.rules = rules;
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
        if (!wanted || game == null || lead == null || !rules.of(game.id()).isEmpty()) {
            return;
        }
        rules.create(game.id(), new RuleDraft("投诉优先处理", "ticket_created", true,
                conditions(List.of("complaint"), List.of()),
                List.of(action("set_priority", "high"), action("add_tag", "投诉"), action("notify_leads", ""))),
                lead);
        rules.create(game.id(), new RuleDraft("盗号加急", "ticket_created", true,
                conditions(List.of("account_stolen"), List.of()),
                List.of(action("set_priority", "urgent"),
                        action("add_note", "盗号工单：先核对注册IP与最近登录IP，再查金币流水是否异常。"))),
                lead);
        rules.create(game.id(), new RuleDraft("玩家催单提醒处理人", "player_replied", true,
                conditions(List.of(), List.of("还没", "怎么还", "多久", "催")),
                List.of(action("add_tag", "催单"), action("notify_assignee", ""))), lead);
        rules.create(game.id(), new RuleDraft("超时通知主管", "sla_breached", true, RuleConditions.ANY,
                List.of(action("add_tag", "sla-breached"), action("notify_leads", ""))), lead);
        rules.timeRules(game.id());
        log.info("Demo data: four automation rules and the time rules for the demo game");
        // the rules at work: a player chasing the lost 648 recharge, and a complaint arriving
        players.find(game.id(), "10003").ifPresent(player -> tickets.byPlayer(game.id(), player.id(), 1).stream()
                .filter(ticket -> ticket.status().isActive()).findFirst()
                .ifPresent(ticket -> desk.reply(ticket.id(), Actor.player(player.id(), player.displayName()),
                        "都两天了怎么还没到账？648不是小数目，麻烦尽快处理。", List.of(), null)));
        if (backends.connected(game.id())) {
            AccountProfile profile = backends.of(game.id()).profile("20004");
            desk.open(new NewTicket(game.id(), new PlayerIdentity("20004", profile.nickname(), profile.server(),
                    profile.roleName()), "complaint", "in_game", null, "提交的工单三天没人回复",
                    "在TapTap买的月卡没到账，前天就提交了工单，到现在没有任何回复，太让人失望了。",
                    null, java.util.Map.of("channel", "TapTap"), false), List.of());
        }
    }

    private static RuleConditions conditions(List<String> types, List<String> words) {
        return new RuleConditions(null, types, null, null, null, null, words, null, null, null);
    }

    private static RuleAction action(String kind, String value) {
        return new RuleAction(kind, value);
    }
}
