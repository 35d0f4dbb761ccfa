package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.browser.ConsolePages.confirming;
import static org.playerdesk.browser.ConsolePages.signIn;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.Opened;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

/**
 * The ticket page puts the player first, and each agent arranges the cards beside the conversation
 * as they like: folded to their name, moved up or down, remembered for the next ticket, their own.
 * Macros are in the reply area; buttons keep their words on one line.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class TicketPageBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;

    @Test
    void thePlayerComesFirstAndEachAgentsArrangementIsRememberedForTheNextTicket() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember colleague = workspace.staff(StaffRole.AGENT_L1, game);
        Opened first = workspace.ticket(game, "71001", "bug");
        Opened second = workspace.ticket(game, "71002", "bug");
        String base = "http://localhost:" + port;

        BrowserContext desk = session.desktop("en");
        Page page = signIn(desk, base, agent);
        page.navigate(base + "/console/tickets/" + first.ticket().id() + "?lang=en");
        Locator cards = page.locator("[data-testid=side-card]");
        List<String> byDefault = keys(cards);
        assertThat(byDefault.subList(0, 3)).as("the player, the game account, then the actions")
                .containsExactly("player", "crm/player-panel", "actions");
        assertThat(byDefault).endsWith("history");

        // the history folded to its name; the actions moved above the game account
        Locator history = page.locator("[data-testid=side-card][data-card=history]");
        history.locator("[data-testid=card-fold]").click();
        assertThat(history).hasClass(Pattern.compile("\\bfolded\\b"));
        assertThat(history.locator("[data-testid=ticket-history]")).isHidden();
        assertThat(history.locator(".side-card-title")).hasText("History");
        assertThat(history.locator("[data-testid=card-fold]")).hasAttribute("aria-expanded", "false");
        assertThat(page.locator("[data-testid=side-cards]")).hasAttribute("data-layout-saved", "yes");
        page.locator("[data-testid=side-card][data-card=actions] [data-testid=card-up]").click();
        assertThat(page.locator("[data-testid=side-card]").nth(1)).hasAttribute("data-card", "actions");
        assertThat(page.locator("[data-testid=side-cards]")).hasAttribute("data-layout-saved", "yes");

        // the next ticket opens the same way
        page.navigate(base + "/console/tickets/" + second.ticket().id() + "?lang=en");
        assertThat(page.locator("[data-testid=side-card]").nth(1)).hasAttribute("data-card", "actions");
        assertThat(page.locator("[data-testid=side-card]").nth(2)).hasAttribute("data-card", "crm/player-panel");
        assertThat(page.locator("[data-testid=side-card][data-card=history]")).hasClass(Pattern.compile("\\bfolded\\b"));
        page.locator("[data-testid=side-card][data-card=history] [data-testid=card-fold]").click();
        assertThat(page.locator("[data-testid=ticket-history]")).isVisible();
        desk.close();

        // a colleague's page is as it comes
        BrowserContext other = session.desktop("zh-CN");
        Page theirs = signIn(other, base, colleague);
        theirs.navigate(base + "/console/tickets/" + first.ticket().id());
        assertThat(keys(theirs.locator("[data-testid=side-card]"))).isEqualTo(byDefault);
        assertThat(theirs.locator("[data-testid=side-card][data-card=history]")).not().hasClass(Pattern.compile("\\bfolded\\b"));
        assertThat(theirs.locator("[data-testid=side-card][data-card=history] [data-testid=card-fold]"))
                .hasAttribute("aria-label", "收起“处理记录”");
        other.close();
    }

    @Test
    void chineseButtonsKeepTheirWordsOnOneLineOnALaptopAndATablet() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened ticket = workspace.ticket(game, "71003", "bug");
        String base = "http://localhost:" + port;

        for (int width : new int[] { 1280, 768 }) {
            BrowserContext desk = session.browser().newContext(
                    new Browser.NewContextOptions().setViewportSize(width, 900).setLocale("zh-CN"));
            Page page = signIn(desk, base, agent);
            page.navigate(base + "/console/tickets/" + ticket.ticket().id());
            for (String button : List.of("status-change", "priority-change", "type-change", "tag-add", "reply-send")) {
                Locator each = page.locator("[data-testid=" + button + "]");
                assertThat(each).isVisible();
                BoundingBox box = each.boundingBox();
                double lineHeight = ((Number) each.evaluate("b => parseFloat(getComputedStyle(b).lineHeight)")).doubleValue();
                assertThat(box.height).as(button + " at " + width + " px is one line").isLessThan(lineHeight * 2);
                assertThat(box.x + box.width).as(button + " at " + width + " px is inside the window").isLessThanOrEqualTo(width);
            }
            desk.close();
        }
    }

    @Test
    void aMacroInTheReplyAreaRepliesAndChangesTheTicketInOneStepOnceConfirmed() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened ticket = workspace.ticket(game, "71004", "bug");
        String base = "http://localhost:" + port;

        BrowserContext desk = session.desktop("zh-CN");
        Page page = signIn(desk, base, agent);
        page.navigate(base + "/console/tickets/" + ticket.ticket().id());
        // a new game comes with the default macros, shown inside the reply's card
        Locator macro = page.locator("#reply [data-testid=kb-macro]", new Page.LocatorOptions().setHasText("请玩家补充信息"));
        assertThat(macro).isVisible();
        assertThat(macro).hasAttribute("title", "发送回复，然后：等待玩家回复 · #待补充");

        String asked = confirming(page, false, macro::click);
        assertThat(asked).contains("请玩家补充信息");
        assertThat(page.locator("[data-testid=message]")).hasCount(1);

        confirming(page, true, macro::click);
        assertThat(page.locator("[data-testid=message]")).hasCount(2);
        assertThat(page.locator("[data-testid=message-body]").last()).containsText("请提供您的游戏账号");
        assertThat(page.locator("[data-testid=ticket-status]")).hasText("等待玩家回复");
        assertThat(page.locator("[data-testid=ticket-tag]")).containsText(new String[] { "待补充" });
        desk.close();
    }

    private static List<String> keys(Locator cards) {
        return cards.all().stream().map(card -> card.getAttribute("data-card")).toList();
    }
}
