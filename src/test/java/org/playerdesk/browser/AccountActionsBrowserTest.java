package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.browser.ConsolePages.completeStep;
import static org.playerdesk.browser.ConsolePages.confirming;
import static org.playerdesk.browser.ConsolePages.signIn;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.AccountStatus;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.Opened;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Account actions on the ticket page against the simulated game: nothing is chosen at first, every
 * ban, freeze and compensation is confirmed with a plain summary, and an action that has just been
 * done is not offered again.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class AccountActionsBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    GameBackends backends;

    @Test
    void theActionsPanelStartsOnNoActionAndConfirmsEachActionWithASummary() {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent2 = workspace.staff(StaffRole.AGENT_L2, game);
        Opened ticket = workspace.ticket(game, "10004", "complaint");
        String base = "http://localhost:" + port;

        BrowserContext desk = session.desktop("en");
        Page console = signIn(desk, base, agent2);
        console.navigate(base + "/console/tickets/" + ticket.ticket().id() + "?lang=en");
        Locator form = console.locator("[data-testid=account-action-form]");
        Locator kind = console.locator("[data-testid=action-kind]");
        Locator done = console.locator("[data-testid=account-action]");

        // nothing chosen: the form cannot be sent
        assertThat(kind).hasValue("");
        assertThat(kind.locator("option").first()).hasText("Choose an action");
        assertThat(kind.locator("option[value=unban]")).hasCount(0);
        console.locator("[data-testid=action-submit]").click();
        assertThat(kind).hasJSProperty("validity.valueMissing", true);
        assertThat(done).hasCount(0);

        // a ban with no days is a permanent one, and the question says so; "no" sends nothing
        kind.selectOption("ban");
        console.fill("[data-testid=action-days]", "");
        console.fill("#gm-reason", "abusive chat");
        assertThat(confirming(console, false, () -> console.locator("[data-testid=action-submit]").click()))
                .isEqualTo("permanent ban of 10004 月下独酌 — confirm?");
        assertThat(form).isVisible();
        assertThat(done).hasCount(0);

        console.fill("[data-testid=action-days]", "3");
        assertThat(confirming(console, true, () -> console.locator("[data-testid=action-submit]").click()))
                .isEqualTo("3-day ban of 10004 月下独酌 — confirm?");
        assertThat(console.locator("[data-testid=account-action][data-state=done]")).hasCount(1);
        assertThat(backends.of(game.id()).profile("10004").status()).isEqualTo(AccountStatus.BANNED);

        // the page comes back with no action chosen; now the ban can be lifted
        assertThat(kind).hasValue("");
        assertThat(kind.locator("option[value=unban]")).hasCount(1);

        kind.selectOption("compensate");
        console.fill("[data-testid=action-amount-input]", "50");
        console.fill("#gm-reason", "lost items");
        String currency = console.locator("[data-testid=action-currency] option:checked").textContent().strip();
        assertThat(confirming(console, true, () -> console.locator("[data-testid=action-submit]").click()))
                .isEqualTo("Compensation of 50 " + currency + " to 10004 月下独酌 — confirm?");
        assertThat(done).hasCount(2);

        // an unban asks nothing more; once done, it is no longer offered
        kind.selectOption("unban");
        console.fill("#gm-reason", "ban served");
        console.locator("[data-testid=action-submit]").click();
        assertThat(console.locator("[data-testid=account-action][data-state=done]")).hasCount(3);
        assertThat(kind.locator("option[value=unban]")).hasCount(0);
        assertThat(backends.of(game.id()).profile("10004").status()).isEqualTo(AccountStatus.ACTIVE);
        desk.close();
    }

    @Test
    void aProcedureStepWhoseActionIsDoneShowsTheResultInsteadOfTheButton() {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent2 = workspace.staff(StaffRole.AGENT_L2, game);
        Opened appeal = workspace.ticket(game, "10002", "ban_appeal");
        String base = "http://localhost:" + port;

        BrowserContext desk = session.desktop("zh-CN");
        Page console = signIn(desk, base, agent2);
        console.navigate(base + "/console/tickets/" + appeal.ticket().id());
        console.locator("[data-testid=playbook-start] button").click();
        assertThat(console.locator("[data-testid=playbook-title]")).containsText("封号");
        completeStep(console, "昨天被封");
        completeStep(console, "账号 10002 小白兔");
        completeStep(console, "不是合作方用户");
        completeStep(console, "使用第三方加速软件, 7 天");
        completeStep(console, "已向玩家说明");

        assertThat(console.locator("[data-testid=playbook-action] button")).hasText("解封");
        console.locator("[data-testid=playbook-action] button").click();
        assertThat(console.locator("[data-testid=playbook-action-result][data-state=done]")).containsText("解封");
        assertThat(console.locator("[data-testid=playbook-action]")).hasCount(0);
        assertThat(console.locator("[data-testid=action-kind] option[value=unban]")).hasCount(0);
        assertThat(backends.of(game.id()).profile("10002").status()).isEqualTo(AccountStatus.ACTIVE);

        // reloading the page does not bring the button back either
        console.reload();
        assertThat(console.locator("[data-testid=playbook-action-result][data-state=done]")).isVisible();
        assertThat(console.locator("[data-testid=playbook-action]")).hasCount(0);
        desk.close();
    }
}
