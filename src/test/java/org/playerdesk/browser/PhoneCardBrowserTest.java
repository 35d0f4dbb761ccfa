package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.signing.SignedRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/**
 * An administrator sets the game's CTI secret; a call the telephony system offers to an agent pops
 * the caller's card on the page the agent has open, without a reload; "Log this call" opens the
 * form filled in from the call, and once it is logged the card goes away.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class PhoneCardBrowserTest {

    static final String SECRET = "browser-cti-secret-0123456789abcdef";

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;

    @Test
    void anOfferedCallPopsTheCardAndIsLoggedFromIt() throws Exception {
        GameInfo game = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN, game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        String base = "http://localhost:" + port;

        BrowserContext adminBrowser = session.browser().newContext();
        Page settings = ConsolePages.signIn(adminBrowser, base, admin);
        settings.navigate(base + "/console/admin/phone");
        Locator row = settings.locator("[data-testid=phone-admin-games] tr[data-game='" + game.code() + "']");
        row.locator("[name=secret]").fill(SECRET);
        row.locator("[data-testid=phone-set-secret]").click();
        assertThat(settings.locator("[data-testid=phone-admin-games] tr[data-game='" + game.code() + "'] .badge"))
                .hasClass(java.util.regex.Pattern.compile("text-bg-success"));
        adminBrowser.close();

        BrowserContext agentBrowser = session.browser().newContext();
        Page desk = ConsolePages.signIn(agentBrowser, base, agent);
        desk.navigate(base + "/console/tickets");
        assertThat(desk.locator("[data-testid=phone-card]")).hasCount(0);

        String callId = TestWorkspace.unique("pbx");
        String body = "{\"event\":\"offered\",\"callId\":\"" + callId + "\",\"caller\":\"13911112222\",\"agent\":\""
                + agent.username() + "\"}";
        String path = "/cti/" + game.code() + "/events";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header(SignedRequests.TIMESTAMP, timestamp)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign(SECRET, "POST", path, timestamp,
                        body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        Locator card = desk.locator("[data-testid=phone-card]");
        assertThat(card).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        assertThat(card.locator("[data-testid=phone-card-unknown]")).isVisible();
        assertThat(card).containsText("139****2222");
        assertThat(desk).hasURL(base + "/console/tickets");

        card.locator("[data-testid=phone-card-log]").click();
        assertThat(desk.locator("[data-testid=phone-log-form] [name=call]")).not().hasValue("");
        desk.fill("[data-testid=phone-account]", TestWorkspace.unique("caller"));
        desk.selectOption("[data-testid=phone-outcome]", "resolved");
        desk.fill("[data-testid=phone-notes]", "询问活动奖励发放时间，已告知");
        desk.click("[data-testid=phone-log-submit]");
        assertThat(desk.locator("[data-testid=phone-logged-ticket]")).isVisible();
        assertThat(desk.locator("[data-testid=phone-card]")).hasCount(0,
                new LocatorAssertions.HasCountOptions().setTimeout(20_000));
        agentBrowser.close();
    }
}
