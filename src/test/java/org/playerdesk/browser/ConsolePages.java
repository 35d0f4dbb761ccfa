package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * What the console's browser tests do alike: sign in through the form, complete a procedure's step,
 * answer a confirmation.
 */
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

    /**
     * Does what asks for a confirmation (a click that sends a form marked data-confirm), answers it
     * yes or no, and returns the question the page asked.
     */
    static String confirming(Page console, boolean yes, Runnable action) {
        // the question comes from playerdesk.js, a deferred script: a page whose elements are visible
        // may not have run it yet, and a click then would send the form without asking
        console.waitForLoadState();
        List<String> asked = new CopyOnWriteArrayList<>();
        console.onceDialog(dialog -> {
            asked.add(dialog.message());
            if (yes) {
                dialog.accept();
            } else {
                dialog.dismiss();
            }
        });
        action.run();
        org.assertj.core.api.Assertions.assertThat(asked).as("the question asked").hasSize(1);
        return asked.getFirst();
    }

    /** With -Dplayerdesk.screenshots=<folder>, keeps a picture of the page for the docs (the README's). */
    static void screenshot(Page page, String name) {
        String folder = System.getProperty("playerdesk.screenshots");
        if (folder != null) {
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Paths.get(folder, name)).setFullPage(false));
        }
    }
}
