package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.browser.ConsolePages.completeStep;
import static org.playerdesk.browser.ConsolePages.confirming;
import static org.playerdesk.browser.ConsolePages.signIn;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.AccountStatus;
import org.playerdesk.game.GameBackend;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.Opened;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The sixth procedure, scammed out of currency (被骗金币), through the real UI against the
 * simulated game: a second-line agent sees the player's trade and the scammer's ledger, sanctions
 * the scammer on the ladder from the step, asks to give the gold back (above the limit: approval),
 * and sends the notice, which the game delivers as in-game mail and the player panel shows.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class ScamPlaybookBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    GameBackends backends;

    @Test
    void agentRunsTheScamProcedureSanctionsTheScammerAndThePlayerIsToldInTheGame() {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent2 = workspace.staff(StaffRole.AGENT_L2, game);
        GameBackend backend = backends.of(game.id());
        Opened scam = workspace.ticket(game, "10011", "scam");
        String base = "http://localhost:" + port;

        BrowserContext desk = session.desktop("zh-CN");
        Page console = signIn(desk, base, agent2);
        List<String> problems = new CopyOnWriteArrayList<>();
        console.onPageError(problems::add);
        console.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                problems.add(m.text());
            }
        });
        console.navigate(base + "/console/tickets/" + scam.ticket().id());
        assertThat(console.locator("[data-testid=playbook-start]")).containsText("被骗金币");
        console.locator("[data-testid=playbook-start] button").click();
        assertThat(console.locator("[data-testid=playbook-title]")).containsText("被骗金币");

        completeStep(console, "卖 30000 金币给 10777 换钻石,对方没给");
        assertThat(console.locator("[data-testid=step-counterparty][data-account='10777']")).containsText("低价出金");
        assertThat(console.locator("[data-testid=step-ledger] [data-marked=true]").first()).containsText("10777");
        completeStep(console, "对方同期还收了两名玩家的金币");
        completeStep(console, "确认被骗,对方账号金币尚在");

        console.locator("[data-testid=playbook-sanction][data-account='10777'] button").click();
        assertThat(console.locator("[data-testid=playbook-current]")).isVisible();
        assertThat(backend.profile("10777").status()).isEqualTo(AccountStatus.BANNED);
        completeStep(console, "已对 10777 封号 7 天");

        console.fill("[data-testid=playbook-action] [name=amount]", "30000");
        console.selectOption("[data-testid=playbook-currency]", "gold");
        String currency = console.locator("[data-testid=playbook-currency] option:checked").textContent().strip();
        assertThat(confirming(console, true, () -> console.locator("[data-testid=playbook-action] button").click()))
                .startsWith("补偿 10011").contains("30000 " + currency).endsWith("确认？");
        assertThat(console.locator("[data-testid=account-action][data-state=pending_approval]")).isVisible();
        completeStep(console, "追回 30000 金币已提交主管审批");

        console.fill("[data-testid=playbook-finish] [name=outcome]", "骗子已封号,被骗的金币经审批后返还");
        console.locator("[data-testid=playbook-finish] button").click();
        assertThat(console.locator("[data-testid=playbook-finished]")).isVisible();
        assertThat(console.locator("[data-testid=in-game-notice][data-delivered=true]").last()).containsText("被骗金币");
        assertThat(console.locator("[data-testid=game-notice]").first()).containsText("被骗金币");
        assertThat(problems).isEmpty();
        desk.close();
    }
}
