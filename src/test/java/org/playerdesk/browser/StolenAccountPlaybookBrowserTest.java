package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.browser.ConsolePages.screenshot;
import static org.playerdesk.browser.ConsolePages.completeStep;
import static org.playerdesk.browser.ConsolePages.confirming;
import static org.playerdesk.browser.ConsolePages.signIn;


import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameBackend;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameInfo;
import org.playerdesk.game.LedgerEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The stolen-account procedure through the real UI against the simulated game: the player reports
 * in the help center; a first-line agent runs the procedure, freezes the account and asks to
 * restore more currency than their limit allows; the lead approves; the game shows the balance
 * restored; the agent sends the notice and the player reads it through the private link.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class StolenAccountPlaybookBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    GameBackends backends;

    @Test
    void agentRunsTheStolenAccountProcedureLeadApprovesTheRestoreAndThePlayerSeesTheNotice() {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent1 = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        GameBackend backend = backends.of(game.id());
        long drained = -backend.ledger("10001", null, null).stream().filter(e -> "10666".equals(e.counterparty()))
                .mapToLong(LedgerEntry::amount).sum();
        long before = backend.profile("10001").currencyBalance();
        String base = "http://localhost:" + port;

        // The player reports the theft from a phone.
        BrowserContext phone = session.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("zh-CN"));
        Page player = phone.newPage();
        player.navigate(base + "/help/" + game.code());
        player.selectOption("select[name=type]", "account_stolen");
        player.fill("[name=subject]", "账号被盗，金币全没了");
        player.fill("[name=description]", "昨晚我的账号在别处登录，金币都被转走了。");
        player.fill("[name=accountId]", "10001");
        player.fill("[name=email]", "yeyu@example.com");
        player.click("[data-testid=ticket-submit]");
        assertThat(player.locator("[data-testid=follow-link]")).isVisible();
        String followUrl = player.url();

        // agent1 (first line) runs the procedure.
        BrowserContext agentDesk = session.desktop("zh-CN");
        Page console = signIn(agentDesk, base, agent1);
        console.navigate(base + "/console/tickets?view=all&q=10001");
        console.locator("[data-testid=ticket-row]").getByRole(AriaRole.LINK).first().click();
        String ticketUrl = console.url();
        assertThat(console.locator("[data-testid=playbook-start]")).containsText("盗号");
        console.locator("[data-testid=playbook-start] button").click();

        completeStep(console, "昨晚约 23 点被盗");
        assertThat(console.locator("[data-testid=step-logins] tr[data-suspicious=true]").first()).containsText("新疆");
        console.locator("[data-testid=playbook-current]").scrollIntoViewIfNeeded();
        screenshot(console, "playbook-stolen-account.png");
        completeStep(console, "新疆新设备登录，确认非本人");
        assertThat(console.locator("[data-testid=step-data][data-kind=ledger]")).isVisible();
        completeStep(console, "被转走 " + drained + " 金币到 10666");

        assertThat(confirming(console, true, () -> console.locator("[data-testid=playbook-action] button").click()))
                .isEqualTo("永久冻结 10001 夜雨听风 — 确认？");
        assertThat(console.locator("[data-testid=account-action][data-state=done]")).containsText("冻结");
        assertThat(console.locator("[data-testid=playbook-action-result][data-state=done]")).containsText("冻结");
        completeStep(console, "已冻结账号");

        console.fill("[data-testid=playbook-action] [name=amount]", String.valueOf(drained));
        assertThat(confirming(console, true, () -> console.locator("[data-testid=playbook-action] button").click()))
                .startsWith("补偿 10001 夜雨听风 " + drained + " ");
        assertThat(console.locator("[data-testid=playbook-action-result][data-state=pending_approval]")).isVisible();
        assertThat(console.locator("[data-testid=playbook-action]")).hasCount(0);
        assertThat(console.locator("[data-testid=account-action][data-state=pending_approval]")).isVisible();
        assertThat(backend.profile("10001").currencyBalance()).isEqualTo(before);
        completeStep(console, "恢复金币已提交主管审批");

        // The lead approves.
        BrowserContext leadDesk = session.desktop("zh-CN");
        Page approvals = signIn(leadDesk, base, lead);
        approvals.navigate(base + "/console/approvals");
        approvals.locator("[data-testid=pending-action] [name=comment]").fill("核实为盗号，同意恢复");
        screenshot(approvals, "approvals.png");
        approvals.locator("[data-testid=pending-action] [data-testid=approve]").click();
        assertThat(approvals.locator("[data-testid=pending-action]")).hasCount(0);
        assertThat(backend.profile("10001").currencyBalance()).isEqualTo(before + drained);

        // The agent sees the outcome on the ticket and sends the notice.
        console.navigate(ticketUrl);
        assertThat(console.locator("[data-testid=account-action][data-state=done]")).hasCount(2);
        console.fill("[data-testid=playbook-finish] [name=outcome]", "账号已冻结保护，被盗的 " + drained + " 金币已全部恢复");
        console.locator("[data-testid=playbook-finish] button").click();
        assertThat(console.locator("[data-testid=playbook-finished]")).isVisible();

        // The player reads the notice through the private link.
        player.navigate(followUrl);
        assertThat(player.locator("[data-testid=message-body]").last()).containsText("夜雨听风");
        assertThat(player.locator("[data-testid=message-body]").last()).containsText(drained + " 金币已全部恢复");
        phone.close();
        agentDesk.close();
        leadDesk.close();
    }
}
