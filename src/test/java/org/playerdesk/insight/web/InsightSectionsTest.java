package org.playerdesk.insight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.department.DepartmentForm;
import org.playerdesk.department.DepartmentView;
import org.playerdesk.department.Departments;
import org.playerdesk.department.RequestView;
import org.playerdesk.department.Transfers;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.game.GameProfile;
import org.playerdesk.insight.figures.Dimension;
import org.playerdesk.insight.figures.FigureRebuild;
import org.playerdesk.insight.figures.FigureRollUp;
import org.playerdesk.insight.figures.Figures;
import org.playerdesk.insight.figures.Metric;
import org.playerdesk.insight.figures.Settled;
import org.playerdesk.sla.internal.SlaSweep;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's service levels, breaches, backlog and transfers on small fixed days computed by
 * hand (a stopped clock, the SLA sweep run past a target), their exports holding the page's
 * figures; the insight navigation per role; the rebuild, for administrators only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, InsightSectionsTest.Clocks.class })
class InsightSectionsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    GameCatalog games;
    @Autowired
    TicketDesk desk;
    @Autowired
    SlaSweep sweep;
    @Autowired
    Departments departments;
    @Autowired
    Transfers transfers;
    @Autowired
    FigureRollUp rollUp;
    @Autowired
    Figures figures;
    @Autowired
    FigureRebuild rebuild;
    @Autowired
    AuditLog audit;
    @Autowired
    StoppedClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JsonMapper json;

    static RequestPostProcessor as(StaffMember member) {
        return user(new StaffUser(member, ""));
    }

    private GameProfile game(String name) {
        return games.register(TestWorkspace.unique("sec"), name, "zh-CN", "UTC", "always", GameProfile.CHANNELS);
    }

    @Test
    void serviceLevelComplianceIsTheTargetsMetOfThoseMetOrBreachedOnTheTicketsCreatedThatDay() throws Exception {
        GameInfo game = game("时效游戏").info();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        Actor by = Actor.agent(agent.id(), agent.displayName());
        // Wednesday 3 March 2027, 09:00 UTC: four tickets. "咨询" (consultation) has first response 60 min,
        // next response and resolution 1440 min; "工单" (bug) first response 60 min, next response 1440 min,
        // no resolution target.
        moveTo(Instant.parse("2027-03-03T09:00:00Z"));
        UUID a = workspace.ticket(game, "sa", "consultation").ticket().id();
        Opened openedB = workspace.ticket(game, "sb", "bug");
        UUID b = openedB.ticket().id();
        Opened openedC = workspace.ticket(game, "sc", "bug");
        UUID c = openedC.ticket().id();
        UUID d = workspace.ticket(game, "sd", "bug").ticket().id();
        // the service levels follow each ticket's events in turn: each step waits for the timer it moves
        for (UUID ticket : List.of(a, b, c, d)) {
            timer(ticket, "first_response", "running");
        }

        // a: answered after 10 minutes and resolved after 20 (first response and resolution met)
        clock.shift(Duration.ofMinutes(10));
        desk.reply(a, by, "您好，已为您处理。", List.of(), TicketStatus.PENDING_PLAYER);
        timer(a, "first_response", "stopped");
        clock.shift(Duration.ofMinutes(10));
        desk.changeStatus(a, TicketStatus.RESOLVED, by);
        timer(a, "resolution", "stopped");
        // b: answered after 30 minutes; the player answers, support again 5 minutes later (next response met)
        clock.shift(Duration.ofMinutes(10));
        desk.reply(b, by, "请问是哪个区服？", List.of(), TicketStatus.PENDING_PLAYER);
        timer(b, "first_response", "stopped");
        clock.shift(Duration.ofMinutes(10));
        desk.reply(b, Actor.player(openedB.ticket().playerId(), "sb"), "S1 区", List.of(), null);
        timer(b, "next_response", "running");
        clock.shift(Duration.ofMinutes(5));
        desk.reply(b, by, "已为您补发。", List.of(), TicketStatus.PENDING_PLAYER);
        timer(b, "next_response", "stopped");
        // 10:01: c and d have waited past their hour (first response breached)
        moveTo(Instant.parse("2027-03-03T10:01:00Z"));
        sweep.sweep(clock.instant(), Set.of(game.id()));
        // c is answered late; its player answers and nobody replies for a day (next response breached)
        clock.shift(Duration.ofMinutes(9));
        desk.reply(c, by, "抱歉久等。", List.of(), TicketStatus.PENDING_PLAYER);
        timer(c, "first_response", "stopped");
        clock.shift(Duration.ofMinutes(10));
        desk.reply(c, Actor.player(openedC.ticket().playerId(), "sc"), "还是不行", List.of(), null);
        timer(c, "next_response", "running");
        clock.shift(Duration.ofMinutes(1441));
        sweep.sweep(clock.instant(), Set.of(game.id()));
        settle();

        String query = "?period=day&date=2027-03-03&game=" + game.code() + "&lang=en";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            rollUp.rollUp();
            String page = page(get("/console/insight" + query).with(as(lead)), 200);
            // first response: a and b met, c and d breached; next response: b met, c breached; resolution: a met
            assertThat(gauge(page, "sla-first-response")).isEqualTo(0.5);
            assertThat(gauge(page, "sla-next-response")).isEqualTo(0.5);
            assertThat(gauge(page, "sla-resolution")).isEqualTo(1.0);
        });
        String page = page(get("/console/insight" + query).with(as(lead)), 200);
        JsonNode first = chart(page, "sla-first-response");
        assertThat(first.get("kind").asString()).isEqualTo("gauge");
        assertThat(first.get("target").asDouble()).isEqualTo(0.9);
        assertThat(first.get("title").asString()).isEqualTo("First response");
        assertThat(page).contains("data-testid=\"sla-compliance\"");
        assertThat(rows(table(page, "Service-level compliance"))).containsExactly(
                List.of("First response", "2", "2", "50%", "90%"),
                List.of("Next response", "1", "1", "50%", "90%"),
                List.of("Resolution", "1", "0", "100%", "90%"));

        // the breaches of the day, linked to their tickets, worded, at their creation time
        List<String> breaches = all(page, "<tr data-testid=\"breach-row\">([\\s\\S]*?)</tr>");
        assertThat(breaches).hasSize(2);
        for (UUID breached : List.of(c, d)) {
            assertThat(breaches).anySatisfy(row -> assertThat(row).contains("/console/tickets/" + breached)
                    .contains("时效游戏").contains("First response").contains("2027-03-03"));
        }
        assertThat(breaches).noneMatch(row -> row.contains(a.toString()) || row.contains(b.toString()));
        assertThat(page).doesNotContain("data-testid=\"breaches-more\"");

        // the export holds the page's figures
        String csv = csv("service-levels", game, "2027-03-03", lead);
        assertThat(csv.lines().toList()).containsExactly("\uFEFFTarget,Met,Breached,Compliance,Goal",
                "First response,2,2,50.0%,90.0%", "Next response,1,1,50.0%,90.0%", "Resolution,1,0,100.0%,90.0%");
        assertThat(csv("breaches", game, "2027-03-03", lead).lines().skip(1))
                .hasSize(2).allSatisfy(line -> assertThat(line).contains(",时效游戏,First response,2027-03-03"));

        // in Chinese, the targets are worded in Chinese; the day before has nothing to measure
        String chinese = page(get("/console/insight?period=day&date=2027-03-02&game=" + game.code() + "&lang=zh-CN")
                .with(as(lead)), 200);
        assertThat(chart(chinese, "sla-first-response").get("title").asString()).isEqualTo("首次响应");
        assertThat(chart(chinese, "sla-first-response").get("series").get(0).get("values").get(0).isNull()).isTrue();
        assertThat(chinese).contains("data-testid=\"breaches-none\"");
    }

    @Test
    void theBacklogCountsTheOpenTicketsByStatusAndAgeNow() throws Exception {
        GameInfo game = game("积压游戏").info();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        Actor by = Actor.agent(agent.id(), agent.displayName());
        Instant now = Instant.parse("2027-04-20T12:00:00Z");
        moveTo(now.minus(Duration.ofDays(10)));
        workspace.ticket(game, "b1", "bug");
        moveTo(now.minus(Duration.ofDays(5)));
        UUID waiting = workspace.ticket(game, "b2", "bug").ticket().id();
        desk.reply(waiting, by, "请提供截图。", List.of(), TicketStatus.PENDING_PLAYER);
        moveTo(now.minus(Duration.ofDays(2)));
        UUID open = workspace.ticket(game, "b3", "bug").ticket().id();
        desk.changeStatus(open, TicketStatus.OPEN, by);
        moveTo(now.minus(Duration.ofHours(2)));
        workspace.ticket(game, "b4", "bug");
        UUID resolved = workspace.ticket(game, "b5", "bug").ticket().id();
        desk.changeStatus(resolved, TicketStatus.RESOLVED, by);
        moveTo(now);
        settle();

        String query = "?game=" + game.code() + "&lang=en";
        List<List<String>> expected = List.of(
                // status, under a day, 1–3 days, 3–7 days, older, total
                List.of("New", "1", "0", "0", "1", "2"),
                List.of("Open", "0", "1", "0", "0", "1"),
                List.of("Waiting for player", "0", "0", "1", "0", "1"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            rollUp.rollUp();
            assertThat(rows(table(page(get("/console/insight" + query).with(as(lead)), 200),
                    "Open tickets by status and age"))).isEqualTo(expected);
        });
        String page = page(get("/console/insight" + query).with(as(lead)), 200);
        JsonNode backlog = chart(page, "backlog");
        assertThat(backlog.get("kind").asString()).isEqualTo("bar");
        assertThat(backlog.get("stacked").asBoolean()).isTrue();
        assertThat(backlog.get("categories")).extracting(JsonNode::asString).containsExactly("New", "Open",
                "Waiting for player");
        assertThat(backlog.get("series")).extracting(s -> s.get("name").asString()).containsExactly("Under 1 day",
                "1–3 days", "3–7 days", "Older than 7 days");
        assertThat(rows(table(page, "Open tickets by status and age")).getFirst())
                .containsExactly("New", "1", "0", "0", "1", "2");

        assertThat(csv("backlog", game, "2027-04-20", lead).lines().toList()).containsExactly(
                "\uFEFFStatus,Under 1 day,1–3 days,3–7 days,Older than 7 days,Total", "New,1,0,0,1,2", "Open,0,1,0,0,1",
                "Waiting for player,0,0,1,0,1");
        // an agent's backlog export is their own tickets: none are assigned to them
        StaffMember other = workspace.staff(StaffRole.AGENT_L1, game);
        assertThat(csv("backlog", game, "2027-04-20", other).lines().toList()).hasSize(1);
    }

    @Test
    void transfersCountTheQuestionsAskedAnsweredAndAnsweredInTimeAndTheEscalations() throws Exception {
        GameInfo game = game("转交游戏").info();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember member = workspace.staff(StaffRole.AGENT_L2, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        Actor by = Actor.agent(agent.id(), agent.displayName());
        moveTo(Instant.parse("2027-05-05T08:00:00Z"));
        DepartmentView operations = departments.create(new DepartmentForm(game.id(), "operations", "运营部", "members",
                null, null, null, "2", false, true, Set.of(member.id())), admin);
        List<RequestView> asked = new ArrayList<>();
        for (String account : List.of("t1", "t2", "t3")) {
            UUID ticket = workspace.ticket(game, account, "redemption").ticket().id();
            desk.assign(ticket, agent.id(), by);
            asked.add(transfers.ask(ticket, operations.id(), "活动奖励是否已经发放？", agent));
        }
        // answered after an hour (within the two hours), after three (late); the third not yet
        clock.shift(Duration.ofHours(1));
        transfers.answerAsMember(asked.get(0).id(), "已发放。", member);
        clock.shift(Duration.ofHours(2));
        transfers.answerAsMember(asked.get(1).id(), "明天补发。", member);
        desk.escalate(asked.get(2).ticketId(), SupportLevel.SECOND_LINE, "需要二线处理", by);
        settle();

        String query = "?period=day&date=2027-05-05&game=" + game.code() + "&lang=en";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            rollUp.rollUp();
            assertThat(rows(table(page(get("/console/insight" + query).with(as(lead)), 200),
                    "Transfers and escalations"))).containsExactly(List.of("3", "2", "1", "50%", "1"));
        });
        // each counts for the agent who asked and escalated, in their key figures, and for nobody else
        LocalDate day = LocalDate.of(2027, 5, 5);
        Figures.Totals ofAgent = figures.totals(Set.of(game.id()), day, day, Dimension.AGENT, agent.id().toString());
        assertThat(List.of(ofAgent.total(Metric.TRANSFERS), ofAgent.total(Metric.TRANSFERS_ANSWERED),
                ofAgent.total(Metric.TRANSFERS_IN_TIME), ofAgent.total(Metric.ESCALATED))).containsExactly(3L, 2L, 1L, 1L);
        Figures.Totals ofMember = figures.totals(Set.of(game.id()), day, day, Dimension.AGENT, member.id().toString());
        assertThat(ofMember.total(Metric.TRANSFERS) + ofMember.total(Metric.ESCALATED)).isZero();
        String page = page(get("/console/insight" + query).with(as(lead)), 200);
        assertThat(page).contains("data-testid=\"transfers-in-time-rate\"");
        assertThat(csv("transfers", game, "2027-05-05", lead).lines().toList()).containsExactly(
                "\uFEFFQuestions to departments,Answered,Answered within their deadline,Answered in time,Escalations",
                "3,2,1,50.0%,1");
        // an agent sees the note, not the game's figures
        String agents = page(get("/console/insight" + query).with(as(agent)), 200);
        assertThat(agents).doesNotContain("data-testid=\"insight-transfers\"").doesNotContain("sla-compliance");
    }

    @Test
    void theInsightNavigationShowsEachReaderOnlyThePagesTheyMayOpen() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        List<String> everyone = List.of("dashboard", "agents", "daily", "subscriptions", "exports");
        List<String> leads = List.of("dashboard", "agents", "scorecard", "digests", "daily", "subscriptions", "exports");
        assertThat(navLinks(page(get("/console/insight").with(as(agent)), 200))).isEqualTo(everyone);
        assertThat(navLinks(page(get("/console/insight").with(as(lead)), 200))).isEqualTo(leads);
        assertThat(navLinks(page(get("/console/insight").with(as(admin)), 200))).isEqualTo(leads);
        // what the navigation leaves out, the page refuses
        mvc.perform(get("/console/insight/scorecard").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/console/insight/digests").with(as(agent))).andExpect(status().isForbidden());

        // every insight page has it, its own link marked
        for (String shown : leads) {
            String address = "dashboard".equals(shown) ? "/console/insight" : "/console/insight/" + shown;
            String page = page(get(address).with(as(lead)), 200);
            assertThat(navLinks(page)).as(address).isEqualTo(leads);
            Matcher current = Pattern.compile("<a[^>]*class=\"[^\"]*active[^\"]*\"[^>]*data-testid=\"insight-nav-([a-z]+)\"[^>]*aria-current=\"page\"")
                    .matcher(page);
            assertThat(current.find()).as(address).isTrue();
            assertThat(current.group(1)).isEqualTo(shown);
            assertThat(current.find()).as("one page marked").isFalse();
        }
        for (String shown : everyone) {
            String address = "dashboard".equals(shown) ? "/console/insight" : "/console/insight/" + shown;
            assertThat(navLinks(page(get(address).with(as(agent)), 200))).as(address).isEqualTo(everyone);
        }
    }

    @Test
    void onlyAnAdministratorRebuildsTheFiguresAndTheRebuildIsAudited() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        assertThat(page(get("/console/insight").with(as(lead)), 200)).doesNotContain("insight-rebuild");
        mvc.perform(post("/console/insight/rebuild").with(as(lead)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/insight/rebuild").with(as(admin))).andExpect(status().isForbidden());
        assertThat(audit.about("insight", "figures", 10)).noneMatch(e -> lead.id().equals(e.actorId()));

        assertThat(page(get("/console/insight").with(as(admin)), 200)).contains("data-testid=\"insight-rebuild-start\"");
        mvc.perform(post("/console/insight/rebuild").with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/console/insight"))
                .andExpect(flash().attribute("rebuildNotice", "insight.rebuild.started"));
        assertThat(audit.about("insight", "figures", 10)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("insight.rebuild");
            assertThat(entry.actorId()).isEqualTo(admin.id());
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuild.running());
    }

    /** Waits until the ticket's timer of this target is in this state (the service levels follow events apart). */
    private void timer(UUID ticket, String target, String state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select state from sla_timer where ticket_id = ? and target = ?", String.class, ticket, target)
                .contains(state));
    }

    private void moveTo(Instant at) {
        clock.shift(Duration.between(clock.instant(), at));
    }

    /** Waits until every event is handled, then rolls the marked days up. */
    private void settle() {
        Settled.settle(meters, rollUp);
    }

    private String page(MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String csv(String report, GameInfo game, String day, StaffMember reader) throws Exception {
        return page(get("/console/insight/export/" + report + ".csv").param("games", game.id().toString())
                .param("from", day).param("to", day).param("lang", "en").with(as(reader)), 200);
    }

    /** The chart's JSON, as the page's script reads it from the chart's data-chart attribute. */
    private JsonNode chart(String page, String name) {
        Matcher figure = Pattern.compile("data-testid=\"chart-" + name + "\">\\s*<div[^>]*data-chart=\"([^\"]*)\"")
                .matcher(page);
        assertThat(figure.find()).as("chart " + name + " on the page").isTrue();
        return json.readTree(HtmlUtils.htmlUnescape(figure.group(1)));
    }

    /** A gauge's share, or null when nothing was measured. */
    private Double gauge(String page, String name) {
        JsonNode value = chart(page, name).get("series").get(0).get("values").get(0);
        return value.isNull() ? null : value.asDouble();
    }

    /** The table whose caption is {@code caption}. */
    private static String table(String page, String caption) {
        Matcher table = Pattern.compile("<table[^>]*>\\s*<caption>" + Pattern.quote(caption) + "</caption>([\\s\\S]*?)</table>")
                .matcher(page);
        assertThat(table.find()).as("table " + caption).isTrue();
        return table.group(1);
    }

    /** The cells of each body row of a table, as the page writes them. */
    private static List<List<String>> rows(String table) {
        String body = table.substring(table.indexOf("<tbody>"));
        List<List<String>> rows = new ArrayList<>();
        for (String row : all(body, "<tr>([\\s\\S]*?)</tr>")) {
            rows.add(all(row, "<t[hd][^>]*>([^<]*)</t[hd]>").stream().map(HtmlUtils::htmlUnescape).toList());
        }
        return rows;
    }

    private static List<String> navLinks(String page) {
        int start = page.indexOf("data-testid=\"insight-nav\"");
        assertThat(start).as("the insight navigation").isPositive();
        String nav = page.substring(start, page.indexOf("</nav>", start));
        return all(nav, "data-testid=\"insight-nav-([a-z]+)\"");
    }

    private static List<String> all(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        StoppedClock stoppedClock() {
            return new StoppedClock();
        }
    }
}
