package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's supervisor signs in and lands on the insight dashboard: the daily trend is drawn
 * (ECharts, as SVG, from the project's own webjar, without a script error or a refused
 * Content-Security-Policy), its table holds the chart's own figures, and in English the chart and
 * its table speak English.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "playerdesk.demo=true")
class InsightBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;

    @Test
    void aSupervisorLandsOnTheDashboardAndSeesTheTrendDrawnBesideItsTableInBothLanguages() {
        String base = "http://localhost:" + port;
        BrowserContext context = session.desktop("zh-CN");
        Page page = context.newPage();
        page.navigate(base + "/console");
        page.fill("[name=username]", "lead");
        page.fill("[name=password]", "playerdesk");
        page.click("[data-testid=login-submit]");

        assertThat(page).hasURL(Pattern.compile("/console/insight$"));
        Locator trend = page.locator("[data-testid=chart-volume-trend]");
        assertThat(trend.locator("[data-chart] svg").first()).isVisible();
        assertThat(trend.locator("[data-chart] svg").first()).containsText("每日工单量");
        assertThat(trend.locator("[data-chart] svg path").first()).isAttached();
        sameFigures(trend);
        assertThat(trend.locator("[data-testid=chart-table] thead")).containsText("新工单");
        assertThat(page.locator("[data-testid=card-created] [data-testid=card-value]")).isVisible();
        ConsolePages.screenshot(page, "insight-zh-CN.png");

        // the table opens under its chart
        trend.locator("summary").click();
        assertThat(trend.locator("[data-testid=chart-table]")).isVisible();

        page.locator("[data-testid=switch-language]").click();
        assertThat(page).hasURL(Pattern.compile("/console/insight"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        trend = page.locator("[data-testid=chart-volume-trend]");
        assertThat(trend.locator("[data-chart] svg").first()).containsText("Tickets per day");
        assertThat(trend.locator("[data-chart] svg").first()).containsText("New tickets (previous period)");
        assertThat(trend.locator("[data-testid=chart-table] thead")).containsText("New tickets");
        assertThat(page.locator("[data-testid=card-created]")).containsText("New tickets");
        sameFigures(trend);

        // a week, chosen in the picker, is in the address
        page.selectOption("[data-testid=insight-period]", "week");
        page.click("[data-testid=insight-show]");
        assertThat(page).hasURL(Pattern.compile("period=week"));
        assertThat(page.locator("[data-testid=chart-volume-trend] [data-chart] svg").first()).isVisible();
        assertThat(page.locator("[data-testid=chart-volume-trend] [data-testid=chart-table] tbody tr")).hasCount(7);

        // back to Chinese, as the demo's supervisor had it
        page.locator("[data-testid=switch-language]").click();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        context.close();
    }

    /** Every figure of the chart's series is in its table, in the same row and column. */
    private static void sameFigures(Locator chart) {
        JsonNode spec = new JsonMapper().readTree(chart.locator("[data-chart]").getAttribute("data-chart"));
        Locator rows = chart.locator("[data-testid=chart-table] tbody tr");
        assertThat(rows).hasCount(spec.get("categories").size());
        int current = 0;
        for (JsonNode series : spec.get("series")) {
            if (!series.get("previous").asBoolean()) {
                current++;
            }
        }
        for (int r = 0; r < spec.get("categories").size(); r++) {
            List<String> cells = new ArrayList<>(rows.nth(r).locator("td").allTextContents());
            List<String> expected = new ArrayList<>();
            for (int s = 0; s < spec.get("series").size(); s++) {
                if (s == current) {
                    expected.add(cells.get(current)); // the previous period's day, not a figure
                }
                JsonNode value = spec.get("series").get(s).get("values").get(r);
                expected.add(value.isNull() ? "—" : String.valueOf(value.asLong()));
            }
            assertThat(cells).as("row " + r).isEqualTo(expected);
        }
    }
}
