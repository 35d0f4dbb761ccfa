package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.chat.ChatIdentity;
import org.playerdesk.chat.ChatRulebook;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;

/**
 * The widget's connection is cut and stays down for a while: the player is told, what they write
 * meanwhile waits, and once the connection is back it is sent and confirmed by the server.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class ChatReconnectBrowserTest {

    private static final String SECRET = "browser-reconnect-secret-0123456789";
    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    ChatRulebook rulebook;
    @Autowired
    Clock clock;

    @Test
    void whatThePlayerWritesWhileTheConnectionIsDownIsSentOnceItIsBack() {
        GameInfo game = workspace.game();
        rulebook.configure(game.id(), SECRET, false, null, null, null, null);
        String base = "http://localhost:" + port;

        BrowserContext phone = session.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setLocale("zh-CN"));
        // every connection of the widget passes through here: to the server while the line is up,
        // refused while it is down
        AtomicBoolean down = new AtomicBoolean();
        AtomicReference<WebSocketRoute> toPage = new AtomicReference<>();
        AtomicReference<WebSocketRoute> toServer = new AtomicReference<>();
        phone.routeWebSocket("**/chat/ws", ws -> {
            if (down.get()) {
                ws.close();
                return;
            }
            toPage.set(ws);
            toServer.set(ws.connectToServer());
        });
        Page player = phone.newPage();
        player.navigate(base + "/chat/assets/test-game.html?" + signedIdentity(game));
        player.click("[data-testid=chat-open]");
        player.fill("[data-testid=chat-input]", "在吗？");
        player.click("[data-testid=chat-send]");
        assertThat(player.locator("[data-testid=chat-status]")).containsText("第 1 位");
        player.fill("[data-testid=chat-input]", "连接正常时写的");
        player.click("[data-testid=chat-send]");
        assertThat(player.locator("[data-testid=chat-lines] li", new Page.LocatorOptions().setHasText("连接正常时写的")))
                .not().hasClass(Pattern.compile("pdc-pending"));

        down.set(true);
        toServer.get().close();
        toPage.get().close();
        assertThat(player.locator("[data-testid=chat-status]")).containsText("正在重连");
        player.fill("[data-testid=chat-input]", "断线时写的");
        player.click("[data-testid=chat-send]");
        assertThat(player.locator("[data-testid=chat-lines] li", new Page.LocatorOptions().setHasText("断线时写的")))
                .hasClass(Pattern.compile("pdc-pending"));

        down.set(false);
        assertThat(player.locator("[data-testid=chat-status]")).containsText("第 1 位");
        assertThat(player.locator("[data-testid=chat-lines] li", new Page.LocatorOptions().setHasText("断线时写的")))
                .not().hasClass(Pattern.compile("pdc-pending"));
        assertThat(player.locator("[data-testid=chat-lines] li")).containsText(new String[] { "在吗？", "连接正常时写的", "断线时写的" });
        assertThat(player.locator("[data-testid=chat-lines] li", new Page.LocatorOptions().setHasText("断线时写的")))
                .hasCount(1);
        phone.close();
    }

    /** What the game's server puts in its page: the player's identity, signed with the game's secret. */
    private String signedIdentity(GameInfo game) {
        ChatIdentity identity = new ChatIdentity(game.code(), "acc-" + UUID.randomUUID().toString().substring(0, 8),
                "小红", 2, "S1", clock.millis() / 1000, null).signedWith(SECRET);
        return "game=" + identity.game() + "&accountId=" + identity.accountId() + "&nickname="
                + URLEncoder.encode(identity.nickname(), StandardCharsets.UTF_8) + "&vipLevel=" + identity.vipLevel()
                + "&server=" + identity.server() + "&timestamp=" + identity.timestamp() + "&signature="
                + identity.signature();
    }
}
