package org.playerdesk.insight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.insight.figures.FigureRollUp;
import org.playerdesk.insight.figures.Settled;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The insight dashboard as its readers meet it: leads land on it and see their games' figures, an
 * agent sees their own part, a game the reader does not serve is refused, and a period that is
 * not one is explained in the reader's language, never a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class InsightDashboardTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    FigureRollUp rollUp;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Clock clock;
    @Autowired
    JsonMapper json;

    static RequestPostProcessor as(StaffMember member) {
        return user(new StaffUser(member, ""));
    }

    @Test
    void leadsLandOnTheDashboardAndAgentsOnTheInbox() throws Exception {
        GameInfo game = workspace.game();
        mvc.perform(get("/console").with(as(workspace.staff(StaffRole.SUPERVISOR, game))))
                .andExpect(redirectedUrl("/console/insight"));
        mvc.perform(get("/console").with(as(workspace.staff(StaffRole.ADMIN))))
                .andExpect(redirectedUrl("/console/insight"));
        mvc.perform(get("/console").with(as(workspace.staff(StaffRole.AGENT_L1, game))))
                .andExpect(redirectedUrl("/console/tickets"));
    }

    @Test
    void theAddressesPeopleTryForReportsLeadToTheDashboard() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L2, workspace.game());
        mvc.perform(get("/console/reports").with(as(agent))).andExpect(redirectedUrl("/console/insight"));
        mvc.perform(get("/console/dashboard").with(as(agent))).andExpect(redirectedUrl("/console/insight"));
        mvc.perform(get("/console/insight")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aLeadSeesTheDailyTrendOfTheirGameWithTheSameFiguresInItsTable() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Actor by = Actor.agent(agent.id(), agent.displayName());
        Opened first = workspace.ticket(game, "p1", "consultation");
        workspace.ticket(game, "p2", "consultation");
        workspace.ticket(game, "p3", "bug");
        desk.reply(first.ticket().id(), by, "您好，已为您处理。", List.of(), TicketStatus.RESOLVED);
        // the figures count the game's own days (the test games are in Shanghai)
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        Settled.settle(meters, rollUp);

        String page = page(get("/console/insight").param("game", game.code()).param("lang", "en").with(as(lead)), 200);

        JsonNode chart = chart(page, "volume-trend");
        assertThat(chart.get("kind").asString()).isEqualTo("line");
        assertThat(chart.get("title").asString()).isEqualTo("Tickets per day, this period against the previous one");
        assertThat(chart.get("categories")).hasSize(7);
        assertThat(chart.get("categories").get(6).asString())
                .isEqualTo(today.format(java.time.format.DateTimeFormatter.ofPattern("MMM d", java.util.Locale.ENGLISH)));
        assertThat(chart.get("series")).extracting(s -> s.get("name").asString()).containsExactly("New tickets",
                "Agent replies", "Resolved", "New tickets (previous period)", "Agent replies (previous period)",
                "Resolved (previous period)");
        assertThat(chart.get("series").get(0).get("values").get(6).asLong()).isEqualTo(3);
        assertThat(chart.get("series").get(1).get("values").get(6).asLong()).isEqualTo(1);
        assertThat(chart.get("series").get(2).get("values").get(6).asLong()).isEqualTo(1);
        assertThat(chart.get("series").get(0).get("values").get(5).asLong()).as("yesterday").isZero();

        // the table beside the chart: today's row holds the same figures
        assertThat(page).contains("data-testid=\"chart-table\"");
        assertThat(page).containsPattern("<th scope=\"row\">" + today + " [A-Z][a-z]{2}</th>\\s*<td class=\"text-end\">3</td>"
                + "\\s*<td class=\"text-end\">1</td>\\s*<td class=\"text-end\">1</td>");
        // the headline cards: today against yesterday
        assertThat(page).containsPattern("data-testid=\"card-created\">\\s*<span[^>]*>New tickets</span>\\s*"
                + "<span[^>]*data-testid=\"card-value\">3</span>");
        // the chosen period and game are in the links, so the view can be bookmarked
        assertThat(page).contains("?period=day&amp;date=" + today.minusDays(1) + "&amp;game=" + game.code());
    }

    @Test
    void theChosenPeriodIsShownAndTheChartCoversItsDays() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);

        String week = page(get("/console/insight").param("period", "week").param("date", "2026-11-26")
                .param("lang", "en").with(as(lead)), 200);
        assertThat(week).contains("From 2026-11-23 to 2026-11-29 (7 days)");
        assertThat(chart(week, "volume-trend").get("categories").get(0).asString()).isEqualTo("Nov 23");

        String month = page(get("/console/insight").param("period", "month").param("date", "2026-11-26")
                .param("lang", "zh-CN").with(as(lead)), 200);
        assertThat(month).contains("2026-11-01 至 2026-11-30（共 30 天）");
        JsonNode chart = chart(month, "volume-trend");
        assertThat(chart.get("categories")).hasSize(30);
        assertThat(chart.get("categories").get(0).asString()).isEqualTo("11月1日");
        assertThat(chart.get("series").get(3).get("name").asString()).isEqualTo("新工单（上一周期）");
        assertThat(month).contains("上一周期对应日期");
    }

    @Test
    void aPeriodThatIsNotOneIsExplainedInTheReadersLanguage() throws Exception {
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, workspace.game());

        String chinese = page(get("/console/insight").param("period", "custom").param("from", "2026-12-05")
                .param("to", "2026-12-01").param("lang", "zh-CN").with(as(lead)), 400);
        assertThat(chinese).contains("无法显示该周期").contains("结束日期早于开始日期。").doesNotContain("data-chart=");

        String english = page(get("/console/insight").param("period", "custom").param("from", "2025-01-01")
                .param("to", "2026-12-01").param("lang", "en").with(as(lead)), 400);
        assertThat(english).contains("A period holds at most 366 days: choose a shorter one.");

        String typed = page(get("/console/insight").param("period", "custom").param("from", "12/01/2026")
                .param("lang", "en").with(as(lead)), 400);
        assertThat(typed).contains("Enter a date as year-month-day, for example 2026-12-03.")
                .contains("Enter both the start and the end of a custom period.")
                .as("what was typed is shown again").contains("value=\"12/01/2026\"");

        assertThat(page(get("/console/insight").param("period", "decade").param("lang", "en").with(as(lead)), 400))
                .contains("Choose a day, a week, a month or a custom period.");
    }

    @Test
    void aGameTheReaderDoesNotServeIsRefused() throws Exception {
        GameInfo mine = workspace.game();
        GameInfo theirs = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, mine);

        String refused = page(get("/console/insight").param("game", theirs.code()).param("lang", "en").with(as(lead)), 403);
        assertThat(refused).contains("You do not serve this game").doesNotContain("data-chart=");
        assertThat(page(get("/console/insight").param("game", "no-such-game").with(as(lead)), 403))
                .contains("你不负责该游戏");

        String page = page(get("/console/insight").with(as(lead)), 200);
        assertThat(page).as("the game picker offers the reader's games only")
                .contains("value=\"" + mine.code() + "\"").doesNotContain("value=\"" + theirs.code() + "\"");
    }

    @Test
    void anAgentSeesTheirOwnPartOnly() throws Exception {
        GameInfo game = workspace.game();
        workspace.ticket(game, "p1", "consultation");
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);

        String page = page(get("/console/insight").param("lang", "en").with(as(agent)), 200);
        assertThat(page).contains("data-testid=\"insight-agent-note\"").contains("This page shows your own figures")
                .contains("card-agent-replies").doesNotContain("card-created").doesNotContain("chart-breakdown")
                .doesNotContain("chart-volume-heatmap").doesNotContain("insight-top-issues");
    }

    private String page(MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The chart's JSON, as the page's script reads it from the chart's data-chart attribute. */
    private JsonNode chart(String page, String name) {
        Matcher figure = Pattern.compile("data-testid=\"chart-" + name + "\">\\s*<div[^>]*data-chart=\"([^\"]*)\"").matcher(page);
        assertThat(figure.find()).as("chart " + name + " on the page").isTrue();
        return json.readTree(HtmlUtils.htmlUnescape(figure.group(1)));
    }
}
