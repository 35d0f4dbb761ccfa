package org.playerdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the console crawl counts as markup the Content-Security-Policy refuses, and how it groups addresses. */
class ConsoleCrawlerTest {

    @Test
    void findsInlineScriptsHandlersStylesAndJavascriptAddresses() {
        assertThat(ConsoleCrawler.refusedByCsp("<p class=\"x\" style=\"white-space: pre-line\">a</p>"))
                .isEqualTo("<p class=\"x\" style=\"white-space: pre-line\">");
        assertThat(ConsoleCrawler.refusedByCsp("<select name=\"game\" onchange=\"this.form.submit()\">")).isNotNull();
        assertThat(ConsoleCrawler.refusedByCsp("<form ONSUBMIT='return confirm(1)'>")).isNotNull();
        assertThat(ConsoleCrawler.refusedByCsp("<script>alert(1)</script>")).isEqualTo("<script>");
        assertThat(ConsoleCrawler.refusedByCsp("<a href=\" javascript:history.back()\">Back</a>")).isNotNull();
    }

    @Test
    void leavesAloneWhatThePolicyAllowsAndWhatPlayersWrote() {
        assertThat(ConsoleCrawler.refusedByCsp("""
                <script src="/js/playerdesk.js" defer></script>
                <div data-onload="x" data-style="y" class="progress-bar" data-width="40"></div>
                <input name="subject" value="a style=&quot;b&quot; onclick=c javascript:alert(1)">
                <p>style="color: red" onclick="alert(1)" &lt;script&gt;</p>
                """)).isNull();
    }

    @Test
    void addressesOfOneShapeDifferOnlyInTheirIds() {
        assertThat(ConsoleCrawler.shape("/console/tickets/01a23a14-0bf5-706f-9d69-59aed577a96d"))
                .isEqualTo(ConsoleCrawler.shape("/console/tickets/01a23a14-0c08-73cb-a3e7-b636051f5692"))
                .isEqualTo("/console/tickets/{id}");
        assertThat(ConsoleCrawler.shape("/console/incidents?status=open&page=2"))
                .isEqualTo("/console/incidents?status=open&page={id}");
        assertThat(ConsoleCrawler.shape("/console/tickets?view=mine")).isNotEqualTo(ConsoleCrawler.shape("/console/tickets?view=all"));
    }

    @Test
    void pagesOfGamesNamedByTheirCodeAreOneShapeExceptTheDemosGame() {
        assertThat(ConsoleCrawler.shape("/console/knowledge?game=g-1x2abc7&tab=replies"))
                .isEqualTo(ConsoleCrawler.shape("/console/knowledge?game=g-zz9q01&tab=replies"))
                .isEqualTo("/console/knowledge?game={game}&tab=replies");
        assertThat(ConsoleCrawler.shape("/console/sla/policy?lang=en&game=demo"))
                .isEqualTo("/console/sla/policy?lang=en&game=demo");
    }
}
