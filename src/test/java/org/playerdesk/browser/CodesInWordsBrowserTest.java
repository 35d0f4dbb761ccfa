package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.playerdesk.browser.ConsolePages.signIn;

import java.util.List;
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
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Console pages speak in words, never in codes: the GM page's penalty ladders, the games on the
 * staff page and the automation rules' conditions and actions, in the reader's language.
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
}
