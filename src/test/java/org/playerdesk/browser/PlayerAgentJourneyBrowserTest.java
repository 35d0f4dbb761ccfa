package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.playerdesk.browser.ConsolePages.screenshot;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The first journey through the real UI in headless Chromium: a player submits a ticket in the
 * help center; a first-line agent signs in, finds it in the inbox and replies; the player sees
 * the reply through the private link.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class PlayerAgentJourneyBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;

    @Test
    void playerSubmitsAgentRepliesAndPlayerSeesReply() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        String subject = "副本卡死 " + TestWorkspace.unique("s");
        String base = "http://localhost:" + port;

        // The player, on a phone-sized screen.
        BrowserContext phone = session.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(390, 844).setLocale("zh-CN"));
        Page player = phone.newPage();
        player.navigate(base + "/help/" + game.code());
        player.selectOption("select[name=type]", "bug");
        player.fill("[name=subject]", subject);
        player.fill("[name=description]", "进入幽冥地宫第三层后画面卡住，无法退出。");
        player.fill("[name=accountId]", "acc-9001");
        player.fill("[name=email]", "player@example.com");
        player.click("[data-testid=ticket-submit]");
        assertThat(player.locator("[data-testid=follow-link]")).isVisible();
        String followUrl = player.url();
        assertThat(followUrl).contains("/help/" + game.code() + "/t/");
        assertThat(player.locator("[data-testid=message-body]").first()).containsText("幽冥地宫");

        // The agent, on a 1366x768 screen.
        BrowserContext desk = session.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1366, 768).setLocale("zh-CN"));
        Page console = desk.newPage();
        console.navigate(base + "/console");
        console.fill("[name=username]", agent.username());
        console.fill("[name=password]", TestWorkspace.PASSWORD);
        console.click("[data-testid=login-submit]");
        console.navigate(base + "/console/tickets?view=all&q=" + java.net.URLEncoder.encode("acc-9001",
                java.nio.charset.StandardCharsets.UTF_8));
        console.locator("[data-testid=ticket-row]", new Page.LocatorOptions().setHasText(subject))
                .getByRole(AriaRole.LINK).first().click();
        assertThat(console.locator("[data-testid=message-body]").first()).containsText("幽冥地宫");
        console.fill("[data-testid=reply-body]", "您好，已将您的角色移出副本，请重新登录查看。");
        console.click("[data-testid=reply-send]");
        assertThat(console.locator("[data-testid=message-body]").last()).containsText("已将您的角色移出副本");
        screenshot(console, "console-ticket.png");

        // The player follows the private link and sees the answer.
        player.navigate(followUrl);
        assertThat(player.locator("[data-testid=message-body]").last()).containsText("已将您的角色移出副本");
        phone.close();
        desk.close();
    }
}
