package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.browser.ConsolePages.signIn;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.internal.ReplyKit;
import org.playerdesk.ticket.Opened;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The keyboard: j/k and Enter/o in the inbox; r, n, a, s, m, / (or g s), [ and ] on a ticket; "?"
 * lists them in the reader's language; nothing fires while typing, and the focus always shows.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class ShortcutsBrowserTest {

    private static final Pattern CURRENT = Pattern.compile("\\bkbd-current\\b");

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    ReplyKit kit;

    @Test
    void anAgentWorksTheInboxAndATicketWithoutTheMouse() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened first = workspace.ticket(game, "kb1", "bug");
        Opened second = workspace.ticket(game, "kb2", "bug");
        Opened third = workspace.ticket(game, "kb3", "bug");
        kit.addMacro(game.id(), "转技术部", "已转交技术部门处理。", null, null, "high", null);
        String base = "http://localhost:" + port;

        BrowserContext context = session.desktop("en");
        Page console = signIn(context, base, agent);
        console.navigate(base + "/console/tickets?view=all&sort=oldest&lang=en");
        console.waitForLoadState();
        Locator rows = console.locator("[data-testid=ticket-row]");
        assertThat(rows).hasCount(3);

        // typing in a field is typing
        console.locator("#f-q").focus();
        console.keyboard().type("j");
        assertThat(console.locator("#f-q")).hasValue("j");
        assertThat(console.locator("tr.kbd-current")).hasCount(0);
        console.keyboard().press("Escape");
        assertThat(console.locator("#f-q")).not().isFocused();

        console.keyboard().press("j");
        assertThat(rows.nth(0)).hasClass(CURRENT);
        console.keyboard().press("j");
        console.keyboard().press("j");
        console.keyboard().press("k");
        assertThat(rows.nth(1)).hasClass(CURRENT);
        assertThat(rows.nth(0)).not().hasClass(CURRENT);
        Locator link = rows.nth(1).locator("[data-testid=ticket-link]");
        assertThat(link).isFocused();
        assertThat(focusShows(link)).as("the focus shows").isTrue();
        console.keyboard().press("Enter");
        arrive(console, second);

        // [ and ] walk the view the ticket was opened from
        console.keyboard().press("]");
        arrive(console, third);
        console.keyboard().press("[");
        arrive(console, second);
        console.keyboard().press("[");
        arrive(console, first);
        console.keyboard().press("[");
        assertThat(console.locator("[data-testid=ticket-number]")).hasText("#" + first.ticket().number());

        console.keyboard().press("r");
        assertThat(console.locator("[data-testid=reply-body]")).isFocused();
        console.keyboard().type("ok");
        assertThat(console.locator("[data-testid=reply-body]")).hasValue("ok");
        console.keyboard().press("Escape");
        console.keyboard().press("n");
        assertThat(console.locator("[data-testid=note-body]")).isFocused();
        console.keyboard().press("Escape");
        console.keyboard().press("s");
        assertThat(console.locator("[data-testid=status-select]")).isFocused();
        assertThat(focusShows(console.locator("[data-testid=status-select]"))).as("the focus shows").isTrue();
        console.keyboard().press("Escape");
        console.keyboard().press("m");
        assertThat(console.locator("[data-testid=kb-macros] button").first()).isFocused();
        assertThat(console.locator("[data-testid=kb-macros]")).containsText("转技术部");
        console.keyboard().press("/");
        assertThat(console.locator("[data-testid=global-search]")).isFocused();
        console.keyboard().press("Escape");
        console.keyboard().press("g");
        console.keyboard().press("s");
        assertThat(console.locator("[data-testid=global-search]")).isFocused();
        console.keyboard().press("Escape");
        console.keyboard().press("a");
        assertThat(console.locator("[data-testid=ticket-assignee]")).hasText(agent.displayName());
        console.waitForLoadState();

        // the list of shortcuts, in the reader's language, closed with Esc
        Locator overlay = console.locator("[data-testid=shortcuts-overlay]");
        assertThat(overlay).isHidden();
        console.keyboard().press("?");
        assertThat(overlay).isVisible();
        assertThat(overlay).containsText("Keyboard shortcuts");
        assertThat(overlay).containsText("Assign to me");
        console.keyboard().press("Escape");
        assertThat(overlay).isHidden();

        console.navigate(base + "/console/tickets?lang=zh-CN");
        console.waitForLoadState();
        console.keyboard().press("Shift+Slash");
        assertThat(overlay).isVisible();
        assertThat(overlay).containsText("键盘快捷键");
        assertThat(overlay).containsText("下一个工单");
        console.locator("[data-shortcuts-close]").click();
        assertThat(overlay).isHidden();
        console.locator("[data-testid=shortcuts-button]").click();
        assertThat(overlay).isVisible();
        console.keyboard().press("Escape");

        // o opens the chosen ticket too
        console.navigate(base + "/console/tickets?view=all&sort=newest");
        console.waitForLoadState();
        console.keyboard().press("j");
        console.keyboard().press("o");
        arrive(console, third);
        context.close();
    }

    /** On the ticket's page, with its scripts run (they are deferred: a key pressed before would be lost). */
    private static void arrive(Page console, Opened ticket) {
        assertThat(console).hasURL(Pattern.compile("/console/tickets/" + ticket.ticket().id() + "$"));
        console.waitForLoadState();
    }

    /** An outline, or Bootstrap's focus ring (a shadow) on form fields. */
    private static boolean focusShows(Locator element) {
        return (Boolean) element.evaluate("e => { const s = getComputedStyle(e);"
                + " return s.outlineStyle !== 'none' || s.boxShadow !== 'none'; }");
    }
}
