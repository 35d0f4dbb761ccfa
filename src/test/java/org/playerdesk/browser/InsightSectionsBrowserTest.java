package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.insight.figures.FigureRollUp;
import org.playerdesk.insight.figures.Settled;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The demo's lead opens the dashboard: the service levels are drawn as gauges and the backlog as
 * stacked bars (SVG, no script error, nothing refused by the Content-Security-Policy), the insight
 * navigation is there with the dashboard marked, and the backlog's CSV, downloaded through its
 * export link, holds the rows of the table beside the chart.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "playerdesk.demo=true")
class InsightSectionsBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;
    @Autowired
    FigureRollUp rollUp;

    @Test
    void theLeadSeesGaugesAndTheBacklogDrawnAndDownloadsTheBacklogAsTheTableShowsIt() throws Exception {
        String base = "http://localhost:" + port;
        BrowserContext context = session.desktop("zh-CN");
        Page page = context.newPage();
        page.navigate(base + "/console");
        page.fill("[name=username]", "lead");
        page.fill("[name=password]", "playerdesk");
        page.click("[data-testid=login-submit]");
        assertThat(page).hasURL(Pattern.compile("/console/insight$"));

        Locator nav = page.locator("[data-testid=insight-nav]");
        assertThat(nav).isVisible();
        assertThat(nav.locator("[data-testid=insight-nav-dashboard]")).hasAttribute("aria-current", "page");
        assertThat(nav.locator("[data-testid=insight-nav-scorecard]")).isVisible();

        Locator gauge = page.locator("[data-testid=chart-sla-first-response]");
        assertThat(gauge.locator("[data-chart] svg").first()).isVisible();
        assertThat(gauge.locator("[data-chart] svg").first()).containsText("首次响应");
        assertThat(page.locator("[data-testid=sla-compliance] [data-testid=chart-table]").last()).containsText("达标率");

        // the demo's tickets reach the figures once their events are handled and the roll-up has run:
        // run it here, so that the page and the export read the same settled figures
        Settled.settle(meters, rollUp);
        page.reload();
        Locator backlog = page.locator("[data-testid=chart-backlog]");
        assertThat(backlog.locator("[data-chart] svg").first()).isVisible();
        assertThat(backlog.locator("[data-chart] svg path").first()).isAttached();
        assertThat(backlog.locator("[data-chart] svg").first()).containsText("不到 1 天");
        ConsolePages.screenshot(page, "insight-sections-zh-CN.png");

        List<String> headings = backlog.locator("[data-testid=chart-table] thead th").allTextContents();
        List<List<String>> rows = new ArrayList<>();
        Locator bodyRows = backlog.locator("[data-testid=chart-table] tbody tr");
        for (int r = 0; r < bodyRows.count(); r++) {
            rows.add(bodyRows.nth(r).locator("th, td").allTextContents().stream().map(String::strip).toList());
        }
        assertThat(rows).isNotEmpty();

        Download download = page.waitForDownload(
                () -> page.locator("[data-testid=region-backlog] [data-testid=export-csv]").click());
        assertThat(download.suggestedFilename()).startsWith("backlog-").endsWith(".csv");
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records.getFirst().toList()).isEqualTo(headings.stream().map(String::strip).toList());
        assertThat(records.stream().skip(1).map(CSVRecord::toList).toList()).isEqualTo(rows);
        context.close();
    }
}
