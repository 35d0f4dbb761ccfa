package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.playerdesk.browser.ConsolePages.signIn;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.automation.AutomationRules;
import org.playerdesk.automation.RuleAction;
import org.playerdesk.automation.RuleConditions;
import org.playerdesk.automation.RuleDraft;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.incident.IncidentDraft;
import org.playerdesk.incident.Incidents;
import org.playerdesk.knowledge.Audience;
import org.playerdesk.knowledge.KnowledgeImport;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

/**
 * Console pages speak in words, never in codes, and their editors offer choices: the GM page's
 * penalty ladders and type editor, the games on the staff page, the automation rules and their
 * runs, service-level tiers, proposed outages, macros, the routing page, the help center's
 * categories, the VIP desk in the navigation and the ticket page's selectors, in both languages.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class CodesInWordsBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    AutomationRules rules;
    @Autowired
    GameCatalog games;
    @Autowired
    Incidents incidents;
    @Autowired
    TicketDesk ticketDesk;
    @Autowired
    KnowledgeImport knowledgeImport;

    @Test
    void laddersGamesAndRulesAreShownInTheReadersLanguage() {
        GameInfo game = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        rules.create(game.id(), new RuleDraft("投诉加急", "ticket_created", true,
                new RuleConditions(null, List.of("complaint"), null, null, null, null, null, null, null, null),
                List.of(new RuleAction("set_priority", "high"))), admin);
        String base = "http://localhost:" + port;

        BrowserContext desk = session.desktop("zh-CN");
        Page console = signIn(desk, base, admin);

        console.navigate(base + "/console/gm?game=" + game.id() + "&lang=zh-CN");
        assertThat(console.locator("[data-testid=gm-rung][data-penalty=permanent_ban]").first()).hasText("永久封号");
        assertThat(console.locator("[data-testid=gm-rung][data-penalty=ban]").first())
                .hasText(Pattern.compile("^封号 \\d+ 天$"));
        assertThat(console.locator("[data-testid=gm-ladders]")).not().containsText("permanent_ban");
        assertThat(console.locator("[data-testid=gm-ladders]")).not().containsText("warning");

        console.navigate(base + "/console/admin/staff");
        assertThat(console.locator("[data-testid=staff-row]", new Page.LocatorOptions().setHasText(agent.username()))
                .locator("[data-testid=staff-game]")).hasText(game.name());

        console.navigate(base + "/console/admin/automation?game=" + game.code());
        assertThat(console.locator("[data-testid=rule-cond-types]")).hasText("类型: 投诉");
        assertThat(console.locator("[data-testid=rule-actions]")).hasText("设置优先级 高");

        console.navigate(base + "/console/admin/automation?game=" + game.code() + "&lang=en");
        assertThat(console.locator("[data-testid=rule-cond-types]")).hasText("Type: Complaint");
        assertThat(console.locator("[data-testid=rule-actions]")).containsText("High");
        desk.close();
    }

    @Test
    void theViolationTypeEditorOffersPenaltiesAndLinkedAccountsSayWhatTheyShare() {
        GameInfo game = workspace.simulatedGame();
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        String code = TestWorkspace.unique("ad").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String base = "http://localhost:" + port;
        BrowserContext desk = session.desktop("zh-CN");
        Page console = signIn(desk, base, admin);

        console.navigate(base + "/console/gm?game=" + game.id() + "&account=30001&lang=zh-CN");
        Locator editor = console.locator("[data-testid=gm-type-editor]");
        assertThat(editor).not().containsText("permanent_ban");
        assertThat(editor.locator("[name=ladderPenalty]").first().locator("option"))
                .containsText(new String[] {"— 无 —", "警告", "封号", "永久封号", "酌情处理"});
        assertThat(console.locator("[data-testid=linked-kind]").first()).hasText(Pattern.compile("^(IP 地址|设备) "));

        editor.locator("[name=code]").fill(code);
        editor.locator("[name=name]").fill("私发广告");
        Locator penalties = editor.locator("[name=ladderPenalty]");
        Locator days = editor.locator("[name=ladderDays]");
        penalties.nth(0).selectOption("warning");
        penalties.nth(1).selectOption("ban");
        penalties.nth(2).selectOption("permanent_ban");
        editor.locator("[data-testid=gm-type-save]").click();
        assertThat(console.locator(".alert-danger")).containsText("第 2 级是封号");

        console.navigate(base + "/console/gm?game=" + game.id() + "&lang=zh-CN");
        editor.locator("[name=code]").fill(code);
        editor.locator("[name=name]").fill("私发广告");
        penalties.nth(0).selectOption("warning");
        penalties.nth(1).selectOption("ban");
        days.nth(1).fill("7");
        penalties.nth(2).selectOption("permanent_ban");
        editor.locator("[data-testid=gm-type-save]").click();
        assertThat(console.locator("[data-testid=gm-ladder][data-code=" + code + "]")).hasText("警告 → 封号 7 天 → 永久封号");

        console.locator("[data-testid=gm-type-edit][data-code=" + code + "]").click();
        assertThat(console.locator("[data-testid=gm-type-editor-title]")).hasText("编辑“私发广告”");
        assertThat(penalties.nth(1)).hasValue("ban");
        assertThat(days.nth(1)).hasValue("7");

        console.navigate(base + "/console/gm?game=" + game.id() + "&account=30001&type=" + code + "&lang=en");
        assertThat(editor.locator("[name=ladderPenalty]").first().locator("option"))
                .containsText(new String[] {"— none —", "warning", "ban", "permanent ban", "review"});
        assertThat(console.locator("[data-testid=gm-type-editor-title]")).hasText("Edit “私发广告”");
        assertThat(console.locator("[data-testid=linked-kind]").first()).hasText(Pattern.compile("^(IP address|Device) "));
        days.nth(1).fill("");
        editor.locator("[data-testid=gm-type-save]").click();
        assertThat(console.locator(".alert-danger")).containsText("Step 2 is a ban: give its days, 1 to 3650.");
        assertThat(console.locator("[data-testid=gm-ladder][data-code=" + code + "]"))
                .hasText("warning → ban 7 days → permanent ban");
        desk.close();
    }

    @Test
    void theRuleEditorOffersChoicesAndRunsAreToldInTheReadersLanguage() {
        session.expect("status of 400"); // a rule sent with a choice missing is refused on purpose
        GameInfo game = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        rules.create(game.id(), new RuleDraft("新工单加急", "ticket_created", true, RuleConditions.ANY,
                List.of(new RuleAction("set_priority", "high"), new RuleAction("add_tag", "urgent"))), admin);
        workspace.ticket(game, TestWorkspace.unique("p"), "bug");
        await().atMost(Duration.ofSeconds(30)).until(() -> rules.recentExecutions(game.id(), 10).stream()
                .anyMatch(e -> e.outcome().equals("done")));
        String base = "http://localhost:" + port;
        BrowserContext desk = session.desktop("zh-CN");
        Page console = signIn(desk, base, admin);

        console.navigate(base + "/console/admin/automation?game=" + game.code() + "&lang=zh-CN");
        assertThat(console.locator("[data-testid=run-words]").first()).hasText("优先级改为高；添加标签 urgent");

        console.navigate(base + "/console/admin/automation/rules/new?game=" + game.code());
        assertThat(console.locator("[data-testid=automation-rule-form]")).not().containsText("gold");
        console.locator("[name=name]").fill("黄金玩家投诉");
        console.locator("[data-testid=rule-vip-tiers] label", new Page.LocatorOptions().setHasText("黄金"))
                .locator("input").check();
        Locator first = console.locator("[data-testid=action-row]").nth(0);
        Locator second = console.locator("[data-testid=action-row]").nth(1);
        first.locator("[data-action-kind]").selectOption("set_status");
        assertThat(first.locator("[data-value-for=set_status]")).isVisible();
        assertThat(first.locator("[data-value-for='add_tag remove_tag']")).isHidden();
        console.locator("[type=submit]").last().click();
        assertThat(console.locator("[data-testid=rule-errors]")).containsText("请从选项中选择一项");
        assertThat(console.locator("[data-testid=rule-errors]")).not().containsText("actions[");

        first.locator("[data-action-kind]").selectOption("set_priority");
        first.locator("[data-value-for=set_priority]").selectOption(new SelectOption().setLabel("高"));
        second.locator("[data-action-kind]").selectOption("add_tag");
        second.locator("[data-value-for='add_tag remove_tag']").fill("gold-complaint");
        console.locator("[type=submit]").last().click();

        Locator rule = console.locator("[data-testid=rule-row]", new Page.LocatorOptions().setHasText("黄金玩家投诉"));
        assertThat(rule.locator("[data-testid=rule-cond-tiers]")).hasText("玩家VIP等级: 黄金");
        assertThat(rule.locator("[data-testid=rule-actions]")).hasText("设置优先级 高; 添加标签 gold-complaint");

        console.navigate(base + "/console/admin/automation?game=" + game.code() + "&lang=en");
        assertThat(rule.locator("[data-testid=rule-cond-tiers]")).hasText(Pattern.compile("VIP tier.*: Gold$"));
        assertThat(console.locator("[data-testid=run-words]").first()).hasText("Priority set to High; Tag urgent added");
        rule.locator("a").first().click();
        Locator edited = console.locator("[data-testid=action-row]").nth(0);
        assertThat(edited.locator("[data-value-for=set_priority]")).isVisible();
        assertThat(edited.locator("[data-value-for=set_priority]")).hasValue("high");
        assertThat(console.locator("[data-testid=rule-vip-tiers] label", new Page.LocatorOptions().setHasText("Gold"))
                .locator("input")).isChecked();
        desk.close();
    }

    @Test
    void serviceLevelPoliciesNameTheVipTier() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        String base = "http://localhost:" + port;
        BrowserContext desk = session.desktop("zh-CN");
        Page console = signIn(desk, base, lead);

        console.navigate(base + "/console/sla?game=" + game.code() + "&lang=zh-CN");
        assertThat(console.locator("[data-testid=policy-tier]", new Page.LocatorOptions().setHasText("黄金及以上")))
                .not().hasCount(0);
        assertThat(console.locator("[data-testid=policy-row]").first()).isVisible();
        assertThat(console.locator("main")).not().containsText("gold");
        console.navigate(base + "/console/sla/policy?game=" + game.code());
        assertThat(console.locator("#p-tier option")).containsText(new String[] {"白银及以上", "黄金及以上", "钻石及以上"});

        console.navigate(base + "/console/sla?game=" + game.code() + "&lang=en");
        assertThat(console.locator("[data-testid=policy-tier]", new Page.LocatorOptions().setHasText("Gold and above")))
                .not().hasCount(0);
        console.navigate(base + "/console/sla/policy?game=" + game.code());
        assertThat(console.locator("#p-tier option")).containsText(new String[] {"Silver and above", "Gold and above"});
        desk.close();
    }

    @Test
    void aProposedOutageIsTitledInItsGamesLanguage() {
        GameInfo chinese = workspace.game();
        GameInfo english = games.register(TestWorkspace.unique("en"), "Test game", "en");
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, chinese, english);
        UUID chineseIncident = storm(chinese, "登不上", "一直登录失败");
        UUID englishIncident = storm(english, "Cannot log in", "The server is down");
        String base = "http://localhost:" + port;
        BrowserContext desk = session.desktop("zh-CN");
        Page console = signIn(desk, base, lead);

        console.navigate(base + "/console/incidents/" + chineseIncident + "?lang=zh-CN");
        assertThat(console.locator("[data-testid=incident-title]")).hasText("疑似故障 · S1");
        console.navigate(base + "/console/incidents/" + englishIncident);
        assertThat(console.locator("[data-testid=incident-title]")).hasText("Suspected outage · S1");
        console.navigate(base + "/console/incidents/" + chineseIncident + "?lang=en");
        assertThat(console.locator("[data-testid=incident-title]")).hasText("疑似故障 · S1");
        desk.close();
    }

    /** Three outage reports from server S1 of the game, which groups storms from three; the proposal made. */
    private UUID storm(GameInfo game, String subject, String message) {
        incidents.configureGrouping(game.id(), true, "10", "3");
        List<UUID> reports = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reports.add(ticketDesk.open(new NewTicket(game.id(), new PlayerIdentity(TestWorkspace.unique("p"), null, "S1", null),
                    "bug", null, null, subject, message, null, java.util.Map.of(), false), List.of()).ticket().id());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> reports.stream()
                .allMatch(t -> incidents.incidentOf(t).isPresent()));
        return incidents.incidentOf(reports.getFirst()).orElseThrow().incidentId();
    }

    @Test
    void macrosSayWhatTheySetByName() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        String base = "http://localhost:" + port;
        BrowserContext desk = session.desktop("zh-CN");
        Page console = signIn(desk, base, lead);

        console.navigate(base + "/console/knowledge/replies?game=" + game.code() + "&lang=zh-CN");
        Locator form = console.locator("[data-testid=kb-macro-form]");
        form.locator("[name=name]").fill("充值已到账");
        form.locator("[name=reply]").fill("您的充值已到账，请查收。");
        form.locator("[name=status]").selectOption("resolved");
        form.locator("[name=type]").selectOption("payment");
        form.locator("[name=priority]").selectOption("urgent");
        form.locator("button[type=submit]").click();
        Locator macro = console.locator("[data-testid=kb-macro]", new Page.LocatorOptions().setHasText("充值已到账"));
        assertThat(macro.locator("[data-testid=kb-macro-status]")).hasText("状态: 已解决");
        assertThat(macro.locator("[data-testid=kb-macro-type]")).hasText("类型: 充值问题");
        assertThat(macro.locator("[data-testid=kb-macro-priority]")).hasText("优先级: 紧急");

        console.navigate(base + "/console/knowledge/replies?game=" + game.code() + "&lang=en");
        assertThat(macro.locator("[data-testid=kb-macro-status]")).hasText("Status: Resolved");
        assertThat(macro.locator("[data-testid=kb-macro-type]")).hasText("Type: Payment / recharge");
        assertThat(macro.locator("[data-testid=kb-macro-priority]")).hasText("Priority: Urgent");
        desk.close();
    }

    @Test
    void anAgentsLanguagesAreTickedByName() {
        GameInfo game = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        String base = "http://localhost:" + port;

        BrowserContext desk = session.desktop("zh-CN");
        Page console = signIn(desk, base, admin);
        console.navigate(base + "/console/routing/agents?game=" + game.id() + "&lang=zh-CN");
        Locator card = console.locator("[data-testid=agent]:has(form[action$='/console/routing/agents/" + agent.id() + "'])");
        Locator languages = card.locator("[data-testid=agent-languages]");
        assertThat(languages.locator("label")).hasText(new String[] { "中文", "英文" });
        languages.getByLabel("英文").check();
        card.locator("button[type=submit]").click();
        card = console.locator("[data-testid=agent]:has(form[action$='/console/routing/agents/" + agent.id() + "'])");
        assertThat(card.locator("[data-testid=agent-languages]").getByLabel("英文")).isChecked();
        assertThat(card.locator("[data-testid=agent-languages]").getByLabel("中文")).not().isChecked();
        desk.close();
    }

    @Test
    void theRoutingPageListsQueuesOpensOneAtATimeAndOffersTheEscalationLevels() {
        GameInfo game = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember leadOfNothing = workspace.staff(StaffRole.SUPERVISOR);
        String base = "http://localhost:" + port;

        BrowserContext fresh = session.desktop("zh-CN");
        Page empty = signIn(fresh, base, leadOfNothing);
        empty.navigate(base + "/console/routing?lang=zh-CN");
        assertThat(empty.locator("[data-testid=routing-no-game]")).hasText("你还没有负责的游戏。");
        assertThat(empty.locator("[data-testid=queue-form]")).hasCount(0);
        empty.navigate(base + "/console/routing/queues/new?lang=en");
        assertThat(empty.locator("[data-testid=routing-no-game]")).hasText("You serve no game yet.");
        fresh.close();

        BrowserContext desk = session.desktop("zh-CN");
        Page console = signIn(desk, base, admin);
        console.navigate(base + "/console/routing?game=" + game.id() + "&lang=zh-CN");
        assertThat(console.locator("[data-testid=routing-page] form[action$='/console/routing/queues']")).hasCount(0);
        assertThat(console.locator("[data-testid=new-queue]")).hasCount(1);
        assertThat(console.locator("[data-testid=escalation-path]")).not().containsText("first_line");
        console.locator("[data-testid=new-queue]").click();
        console.locator("[name=name]").fill("充值问题");
        console.locator("[name=type]").selectOption("payment");
        // the player's language is chosen by its name, as every rule of the queue is
        assertThat(console.locator("[data-testid=queue-language] option")).hasText(new String[] { "不限", "中文", "英文" });
        console.locator("[data-testid=queue-language]").selectOption("zh");
        console.locator("[data-testid=queue-save]").click();
        Locator queue = console.locator("[data-testid=queue]", new Page.LocatorOptions().setHasText("充值问题"));
        assertThat(queue.locator("[data-testid=queue-rules]")).hasText("类型: 充值问题 玩家语言: 中文");
        assertThat(console.locator("[data-testid=queue-form]")).hasCount(0);

        queue.locator("[data-testid=queue-edit]").click();
        assertThat(console.locator("[name=name]")).hasValue("充值问题");
        assertThat(console.locator("[data-testid=queue-form]")).hasCount(1);
        console.locator("[name=name]").fill("充值与退款");
        console.locator("[data-testid=queue-save]").click();
        assertThat(console.locator("[data-testid=queue]")).hasCount(1);
        assertThat(console.locator("[data-testid=queue] [data-testid=queue-edit]")).hasText("充值与退款");

        Locator levels = console.locator("[data-testid=path-level]");
        levels.nth(0).selectOption("vip");
        levels.nth(1).selectOption("vip");
        console.locator("[data-testid=path-form] button[type=submit]").click();
        assertThat(console.locator(".alert-danger")).containsText("级别“VIP 组”选了两次。");
        levels.nth(0).selectOption("second_line");
        levels.nth(1).selectOption("supervisor");
        levels.nth(2).selectOption("");
        console.locator("[data-testid=path-form] button[type=submit]").click();
        assertThat(console.locator("[data-testid=path-now]")).hasText("一线 → 二线 → 主管");

        console.navigate(base + "/console/routing?game=" + game.id() + "&lang=en");
        assertThat(console.locator("[data-testid=path-now]")).hasText("first line → second line → supervisor");
        assertThat(levels.nth(0)).hasValue("second_line");
        assertThat(console.locator("[data-testid=queue-rules]")).hasText("Type: Payment / recharge Player language: Chinese");
        levels.nth(0).selectOption("");
        levels.nth(1).selectOption("");
        console.locator("[data-testid=path-form] button[type=submit]").click();
        assertThat(console.locator(".alert-danger"))
                .containsText("The path starts at first line and needs at least one level above it.");
        desk.close();
    }

    @Test
    void playersNeverSeeInternalCategoriesOrArticles() {
        session.expect("status of 404"); // an internal article asked for by its address is not found
        GameInfo game = workspace.game();
        knowledgeImport.publish(game.id(), "zh-CN", "充值问题", Audience.PUBLIC, false, "充值未到账怎么办",
                "请稍等五分钟后重新登录。", "测试");
        UUID internal = knowledgeImport.publish(game.id(), "zh-CN", "客服内部", Audience.INTERNAL, false,
                "退款审批口径", "仅限客服内部。", "测试");
        knowledgeImport.publish(game.id(), "en", "Payments", Audience.PUBLIC, false, "A top-up did not arrive",
                "Wait five minutes and sign in again.", "test");
        knowledgeImport.publish(game.id(), "en", "Support internal", Audience.INTERNAL, false, "Refund rules",
                "For support staff only.", "test");
        String base = "http://localhost:" + port;
        BrowserContext player = session.desktop("zh-CN");
        Page help = player.newPage();

        help.navigate(base + "/help/" + game.code() + "/articles?lang=zh-CN");
        assertThat(help.locator("[data-testid=kb-categories]")).containsText("充值问题");
        assertThat(help.locator("[data-testid=kb-categories]")).not().containsText("客服内部");
        assertThat(help.locator("[data-testid=kb-index]")).containsText("充值未到账怎么办");
        assertThat(help.locator("[data-testid=kb-index]")).not().containsText("退款审批口径");
        help.navigate(base + "/help/" + game.code() + "/articles/" + internal);
        assertThat(help.locator("main")).not().containsText("仅限客服内部");

        help.navigate(base + "/help/" + game.code() + "/articles?lang=en");
        assertThat(help.locator("[data-testid=kb-categories]")).containsText("Payments");
        assertThat(help.locator("[data-testid=kb-categories]")).not().containsText("Support internal");
        assertThat(help.locator("[data-testid=kb-index]")).not().containsText("Refund rules");
        player.close();
    }

    @Test
    void theVipDeskIsInTheNavigationOfThoseWhoWorkTickets() {
        GameInfo game = workspace.game();
        StaffMember vipAgent = workspace.staff(StaffRole.AGENT_VIP, game);
        String base = "http://localhost:" + port;
        BrowserContext desk = session.desktop("zh-CN");
        Page console = signIn(desk, base, vipAgent);

        console.navigate(base + "/console/tickets?lang=zh-CN");
        assertThat(console.locator("[data-testid=nav-vip]")).hasText("VIP 服务");
        console.locator("[data-testid=nav-vip]").click();
        assertThat(console.locator("main h1")).hasText("VIP 服务");

        console.navigate(base + "/console/tickets?lang=en");
        assertThat(console.locator("[data-testid=nav-vip]")).hasText("VIP service");
        desk.close();
    }

    @Test
    void theTicketPageChoosesNoIncidentByItselfAndShowsWhereTheTicketIs() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        incidents.open(game.id(), new IncidentDraft("登录服务器故障", null, null, null, null),
                Actor.agent(agent.id(), agent.displayName()));
        UUID first = workspace.ticket(game, TestWorkspace.unique("p"), "bug").ticket().id();
        UUID second = workspace.ticket(game, TestWorkspace.unique("p"), "bug").ticket().id();
        String base = "http://localhost:" + port;
        BrowserContext desk = session.desktop("zh-CN");
        Page console = signIn(desk, base, agent);

        console.navigate(base + "/console/tickets/" + first + "?lang=zh-CN");
        assertThat(console.locator("[data-testid=incident-choice]")).hasValue("");
        assertThat(console.locator("[data-testid=incident-choice] option:checked")).hasText("— 请选择事件 —");
        console.locator("[data-testid=incident-link]").click();
        assertThat(console.locator(".alert-danger")).containsText("请选择要关联此工单的事件。");
        org.assertj.core.api.Assertions.assertThat(incidents.incidentOf(first)).isEmpty();
        console.locator("[data-testid=incident-choice]").selectOption(new SelectOption().setLabel("登录服务器故障"));
        console.locator("[data-testid=incident-link]").click();
        assertThat(console.locator("[data-testid=incident-panel-link]")).hasText("登录服务器故障");

        assertThat(console.locator("[data-testid=status-current]")).hasText("新建（当前）");
        assertThat(console.locator("[data-testid=status-select] option:checked")).hasText("新建（当前）");
        console.locator("[data-testid=status-change]").click();
        assertThat(console.locator("[data-testid=action-errors]")).containsText("请选择工单要改成的状态。");
        console.locator("[data-testid=status-select]").selectOption("pending_internal");
        console.locator("[data-testid=status-change]").click();
        assertThat(console.locator("[data-testid=status-current]")).hasText("等待内部处理（当前）");

        console.navigate(base + "/console/tickets/" + second + "?lang=en");
        assertThat(console.locator("[data-testid=incident-choice] option:checked")).hasText("— choose an incident —");
        assertThat(console.locator("[data-testid=status-select] option:checked")).hasText("New (current)");
        console.locator("[data-testid=incident-link]").click();
        assertThat(console.locator(".alert-danger")).containsText("Please choose the incident to link the ticket to.");
        console.locator("[data-testid=status-change]").click();
        assertThat(console.locator("[data-testid=action-errors]")).containsText("Choose the status the ticket should move to.");
        desk.close();
    }
}
