package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** What the console's browser tests do alike: sign in through the form, complete a procedure's step. */
final class ConsolePages {

    private ConsolePages() {
    }

    static Page signIn(BrowserContext context, String base, StaffMember member) {
        Page page = context.newPage();
        page.navigate(base + "/console");
        page.fill("[name=username]", member.username());
        page.fill("[name=password]", TestWorkspace.PASSWORD);
        page.click("[data-testid=login-submit]");
        return page;
    }

    /** Records the current step's outcome and waits until the checklist shows one more step done. */
    static void completeStep(Page console, String outcome) {
        int done = console.locator("[data-testid=playbook-step][data-done=true]").count();
        console.fill("[data-testid=playbook-outcome] [name=outcome]", outcome);
        console.locator("[data-testid=playbook-outcome] button").click();
        assertThat(console.locator("[data-testid=playbook-step][data-done=true]")).hasCount(done + 1);
    }
}
