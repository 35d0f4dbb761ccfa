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
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.PlayerDeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo game's automation rules, written by the lead after the demo workspace: complaints and
 * stolen accounts raised at once, a player chasing an answer flagged to the assignee, a missed
 * service level sent to the leads; and the two time rules with their defaults. Seeded once, under
 * the same conditions as the demo workspace.
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

    AutomationDemo(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, StaffDirectory staff,
            AutomationRules rules) {
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
    }

    private static RuleConditions conditions(List<String> types, List<String> words) {
        return new RuleConditions(null, types, null, null, null, null, words, null, null, null);
    }

    private static RuleAction action(String kind, String value) {
        return new RuleAction(kind, value);
    }
}
