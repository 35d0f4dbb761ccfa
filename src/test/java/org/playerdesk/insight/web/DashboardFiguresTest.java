package org.playerdesk.insight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.game.GameProfile;
import org.playerdesk.insight.figures.FigureRollUp;
import org.playerdesk.insight.figures.Settled;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.routing.QueueRules;
import org.playerdesk.routing.QueueView;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's sections on one small, fixed day, computed by hand. A Shanghai game; on Wednesday
 * 2 December one bug report; on Thursday 3 December at 10:00 (02:00 UTC) three tickets:
 * <ul>
 * <li>t1, a bug on the web, in English, server S2, tagged {@code login-crash}: Anna answers and
 * resolves it after 10 minutes;</li>
 * <li>t2, a payment question in game, in Chinese: Anna answers after 30 minutes (still open);</li>
 * <li>t3, a payment question in game, no language: Bo answers after 20 minutes and resolves it
 * after an hour.</li>
 * </ul>
 * So Thursday has 3 created, 3 agent replies, 2 resolved (both with one agent reply: first-contact
 * resolution 100%), first responses of 10, 20 and 30 minutes (median 20, p90 30) and resolutions
 * of 10 and 60 minutes (median 10, p90 60).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, DashboardFiguresTest.Clocks.class })
class DashboardFiguresTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    GameCatalog games;
    @Autowired
    StaffDirectory staff;
    @Autowired
    TicketDesk desk;
    @Autowired
    FigureRollUp rollUp;
    @Autowired
    RoutingSetup routing;
    @Autowired
    StoppedClock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JsonMapper json;

    GameInfo game;
    StaffMember lead;
    StaffMember anna;
    StaffMember bo;

    @BeforeEach
    void oneDay() {
        game = games.register(TestWorkspace.unique("dash"), "看板游戏", "zh-CN", "Asia/Shanghai", "always",
                GameProfile.CHANNELS).info();
        lead = workspace.staff(StaffRole.SUPERVISOR, game);
        anna = staff.enrol(TestWorkspace.unique("anna"), "Anna", TestWorkspace.PASSWORD, StaffRole.AGENT_L1, "en",
                Set.of(game.id()));
        bo = staff.enrol(TestWorkspace.unique("bo"), "小博", TestWorkspace.PASSWORD, StaffRole.AGENT_L1, "zh-CN",
                Set.of(game.id()));
        Actor byAnna = Actor.agent(anna.id(), anna.displayName());
        Actor byBo = Actor.agent(bo.id(), bo.displayName());

        moveTo(Instant.parse("2026-12-02T02:00:00Z"));
        open("p0", "bug", "web", Map.of());
        moveTo(Instant.parse("2026-12-03T02:00:00Z"));
        UUID t1 = open("p1", "bug", "web", Map.of("language", "en", "server", "S2"));
        UUID t2 = open("p2", "payment", "in_game", Map.of("language", "zh-CN"));
        UUID t3 = open("p3", "payment", "in_game", Map.of());
        desk.tag(t1, "login-crash", byAnna);
        desk.assign(t1, anna.id(), byAnna);
        desk.assign(t2, anna.id(), byAnna);
        desk.assign(t3, bo.id(), byBo);
        clock.shift(Duration.ofMinutes(10));
        desk.reply(t1, byAnna, "您好，已为您修复，请重新登录。", List.of(), TicketStatus.RESOLVED);
        clock.shift(Duration.ofMinutes(10));
        desk.reply(t3, byBo, "您好，正在为您核实充值记录。", List.of(), TicketStatus.PENDING_PLAYER);
        clock.shift(Duration.ofMinutes(10));
        desk.reply(t2, byAnna, "您好，请提供订单号。", List.of(), TicketStatus.PENDING_PLAYER);
        clock.shift(Duration.ofMinutes(30));
        desk.changeStatus(t3, TicketStatus.RESOLVED, byBo);
        settle();
    }

    @Test
    void aLeadSeesTheHeadlineFiguresAgainstThePreviousDay() throws Exception {
        String en = page(lead, Locale.ENGLISH, Map.of());
        assertThat(card(en, "created")).containsExactly("New tickets", "3", "Previous period: 1 (+200%)");
        assertThat(card(en, "agent-replies")).containsExactly("Agent replies", "3", "Previous period: 0");
        assertThat(card(en, "resolved")).containsExactly("Resolved", "2", "Previous period: 0");
        assertThat(card(en, "first-response-median")).containsExactly("First response, median", "20 min",
                "Previous period: —");
        assertThat(card(en, "first-response-p90")).element(1).isEqualTo("30 min");
        assertThat(card(en, "resolution-median")).element(1).isEqualTo("10 min");
        assertThat(card(en, "resolution-p90")).element(1).isEqualTo("1 h 0 min");
        assertThat(card(en, "fcr")).element(1).isEqualTo("100%");
        assertThat(card(en, "reopen")).element(1).isEqualTo("0%");
        assertThat(card(en, "csat-mean")).as("no satisfaction answer: a dash").element(1).isEqualTo("—");
        assertThat(card(en, "chats-abandoned")).element(1).isEqualTo("—");
        assertThat(card(en, "help-deflected")).element(1).isEqualTo("0");

        String zh = page(lead, Locale.SIMPLIFIED_CHINESE, Map.of());
        assertThat(card(zh, "created")).containsExactly("新工单", "3", "上一周期：1（+200%）");
        assertThat(card(zh, "resolution-p90")).containsExactly("解决时长（P90）", "1 小时 0 分钟", "上一周期：—");
        // all the reader's games: the export is of all they serve, without their ids (a link with the ids of
        // hundreds of games would be too long to follow); one game: its id
        assertThat(zh).contains("data-testid=\"export-csv\"")
                .contains("/console/insight/export/headline.csv?from=2026-12-03&amp;to=2026-12-03");
        assertThat(page(lead, Locale.SIMPLIFIED_CHINESE, Map.of("game", game.code())))
                .contains("/console/insight/export/headline.csv?games=" + game.id() + "&amp;from=2026-12-03&amp;to=2026-12-03");
    }

    @Test
    void theTrendCountsTheGamesLocalDaysAndWeeksOverLongPeriods() throws Exception {
        JsonNode daily = chart(page(lead, Locale.ENGLISH, Map.of()), "volume-trend");
        assertThat(daily.get("categories")).hasSize(7);
        assertThat(daily.get("categories").get(5).asString()).isEqualTo("Dec 2");
        assertThat(values(daily, 0)).endsWith(1L, 3L);
        assertThat(values(daily, 1)).endsWith(0L, 3L);
        assertThat(values(daily, 2)).endsWith(0L, 2L);

        JsonNode weekly = chart(page(lead, Locale.ENGLISH, Map.of("period", "custom", "from", "2026-11-19", "to",
                "2026-12-23")), "volume-trend");
        assertThat(weekly.get("title").asString()).isEqualTo("Tickets per week, this period against the previous one");
        assertThat(weekly.get("categories")).hasSize(5);
        assertThat(weekly.get("categories").get(1).asString()).isEqualTo("Nov 26 \u2013 Dec 2");
        assertThat(values(weekly, 0)).as("this week's 3 tickets, the week before's 1; days to come have none")
                .containsExactly(0L, 1L, 3L, null, null);
    }

    @Test
    void theBreakdownWordsEveryValueAndItsExportHoldsTheSameFigures() throws Exception {
        String channels = page(lead, Locale.ENGLISH, Map.of("by", "channel"));
        assertThat(channels).containsPattern("<th scope=\"row\">In game</th>\\s*<td class=\"text-end\">2</td>"
                + "\\s*<td class=\"text-end\">1</td>\\s*<td class=\"text-end\">2</td>\\s*<td class=\"text-end\">20 min</td>"
                + "\\s*<td class=\"text-end\">30 min</td>\\s*<td class=\"text-end\">1 h 0 min</td>"
                + "\\s*<td class=\"text-end\">1 h 0 min</td>");
        JsonNode bars = chart(channels, "breakdown");
        assertThat(bars.get("kind").asString()).isEqualTo("bar");
        assertThat(bars.get("categories")).extracting(JsonNode::asString).containsExactly("In game", "Web");
        assertThat(values(bars, 0)).containsExactly(2L, 1L);
        assertThat(values(bars, 1)).containsExactly(1L, 1L);
        assertThat(channels).contains("/console/insight/export/breakdown.csv?from=2026-12-03&amp;to=2026-12-03&amp;by=channel");

        List<CSVRecord> csv = csv(lead, "breakdown", Locale.ENGLISH, "channel");
        assertThat(csv.get(0).toList()).startsWith("Channel", "New tickets", "Resolved", "Agent replies",
                "First response, median");
        assertThat(csv.get(1).toList()).startsWith("In game", "2", "1", "2", "0:20", "0:30", "1:00", "1:00");
        assertThat(csv.get(2).toList()).startsWith("Web", "1", "1", "1", "0:10", "0:10", "0:10", "0:10");

        String languages = page(lead, Locale.SIMPLIFIED_CHINESE, Map.of("by", "language"));
        assertThat(languages).contains("<th scope=\"row\">英语</th>").contains("<th scope=\"row\">中文 (中国)</th>")
                .contains("<th scope=\"row\">未填写</th>");
        assertThat(page(lead, Locale.ENGLISH, Map.of("by", "language"))).contains("<th scope=\"row\">English</th>")
                .contains("<th scope=\"row\">Unknown</th>");

        String agents = page(lead, Locale.ENGLISH, Map.of("by", "agent"));
        assertThat(agents).contains("<th scope=\"row\">Anna</th>").contains("<th scope=\"row\">小博</th>")
                .doesNotContain(anna.id().toString() + "</th>");
        assertThat(page(lead, Locale.SIMPLIFIED_CHINESE, Map.of("by", "type")))
                .contains("<th scope=\"row\">充值问题</th>").contains("<th scope=\"row\">游戏BUG</th>");
        assertThat(page(lead, Locale.ENGLISH, Map.of("by", "server"))).contains("<th scope=\"row\">S2</th>");
        String byGame = page(lead, Locale.ENGLISH, Map.of());
        assertThat(byGame).containsPattern("<th scope=\"row\">看板游戏</th>\\s*<td class=\"text-end\">3</td>");

        assertThat(page(lead, Locale.ENGLISH, Map.of("by", "weather"))).contains("data-testid=\"breakdown-unknown\"")
                .contains("Choose one of the listed breakdowns.");
        mvc.perform(get("/console/insight/export/breakdown.csv").param("games", game.id().toString())
                .param("from", "2026-12-03").param("to", "2026-12-03").param("by", "weather").with(as(lead)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theBreakdownByQueueNamesTheQueueEachTicketWasRoutedInto() throws Exception {
        // the game's own queues give way to one for web tickets: the others go to none
        for (QueueView queue : routing.queues(game.id())) {
            routing.removeQueue(game.id(), queue.id(), lead);
        }
        QueueView web = routing.defineQueue(game.id(), null, new QueueRules("网页一线", 1, "manual", false, "web", null,
                null, null, null, null, Set.of()), lead);
        moveTo(Instant.parse("2026-12-04T02:00:00Z"));
        open("q1", "bug", "web", Map.of());
        open("q2", "account_stolen", "web", Map.of());
        open("q3", "payment", "in_game", Map.of());
        settle();
        Map<String, String> friday = Map.of("by", "queue", "period", "day", "date", "2026-12-04");

        String zh = page(lead, Locale.SIMPLIFIED_CHINESE, friday);
        assertThat(zh).containsPattern("<th scope=\"row\">网页一线</th>\\s*<td class=\"text-end\">2</td>")
                .containsPattern("<th scope=\"row\">未进入队列（游戏公共池）</th>\\s*<td class=\"text-end\">1</td>")
                .doesNotContain(web.id().toString() + "</th>");
        assertThat(page(lead, Locale.ENGLISH, friday))
                .containsPattern("<th scope=\"row\">No queue \\(the game(&#39;|')s pool\\)</th>\\s*<td class=\"text-end\">1</td>");

        // a queue removed since keeps its tickets' figures, under a name that says so
        routing.removeQueue(game.id(), web.id(), lead);
        assertThat(page(lead, Locale.ENGLISH, friday))
                .containsPattern("<th scope=\"row\">Removed queue</th>\\s*<td class=\"text-end\">2</td>");
    }

    @Test
    void theHeatMapHasSevenWeekdaysOfTwentyFourHours() throws Exception {
        String page = page(lead, Locale.ENGLISH, Map.of());
        JsonNode heat = chart(page, "volume-heatmap");
        assertThat(heat.get("kind").asString()).isEqualTo("heatmap");
        assertThat(heat.get("rows")).hasSize(7);
        assertThat(heat.get("categories")).hasSize(24);
        assertThat(values(heat, 0).get(3 * 24 + 10)).as("Thursday 10:00 in Shanghai").isEqualTo(3L);
        assertThat(values(heat, 0).stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        assertThat(page).contains("Tickets by weekday and hour, for staffing");
        assertThat(page(lead, Locale.SIMPLIFIED_CHINESE, Map.of())).contains("按星期和时段的工单量（排班参考）");
    }

    @Test
    void theTopIssuesCompareWithTheDaysBeforeAndExportTheSame() throws Exception {
        String en = page(lead, Locale.ENGLISH, Map.of());
        assertThat(en).contains("data-testid=\"top-type\"").contains("Most frequent: Ticket types")
                .containsPattern("<th scope=\"row\">Payment / recharge</th>\\s*<td class=\"text-end\">2</td>"
                        + "\\s*<td class=\"text-end\">0</td>\\s*<td class=\"text-end\">2</td>")
                .containsPattern("<th scope=\"row\">Technical</th>\\s*<td class=\"text-end\">1</td>"
                        + "\\s*<td class=\"text-end\">1</td>")
                .containsPattern("<th scope=\"row\">login-crash</th>\\s*<td class=\"text-end\">1</td>");
        String zh = page(lead, Locale.SIMPLIFIED_CHINESE, Map.of());
        assertThat(zh).contains("最多的游戏模块").contains("<th scope=\"row\">充值支付</th>")
                .contains("上升最快的工单类型");

        List<CSVRecord> csv = csv(lead, "top-issues", Locale.ENGLISH, null);
        assertThat(csv.get(0).toList()).containsExactly("Kind", "List", "Value", "This period", "Days before",
                "Change");
        assertThat(csv).extracting(CSVRecord::toList)
                .contains(List.of("Ticket types", "Most frequent", "Payment / recharge", "2", "0", "2"),
                        List.of("Ticket types", "Most frequent", "Bug", "1", "1", "0"),
                        List.of("Ticket types", "Rising most", "Payment / recharge", "2", "0", "2"),
                        List.of("Game areas", "Most frequent", "Payment", "2", "0", "2"),
                        List.of("Tags", "Most frequent", "login-crash", "1", "0", "1"));
    }

    @Test
    void anAgentSeesTheirOwnFiguresOnly() throws Exception {
        String page = page(anna, Locale.ENGLISH, Map.of());
        assertThat(card(page, "agent-replies")).containsExactly("Agent replies", "2", "Previous period: 0");
        assertThat(card(page, "first-responded")).element(1).isEqualTo("2");
        assertThat(card(page, "resolved")).element(1).isEqualTo("1");
        assertThat(card(page, "first-response-median")).element(1).isEqualTo("10 min");
        assertThat(card(page, "first-response-p90")).element(1).isEqualTo("30 min");
        assertThat(page).doesNotContain("card-created").doesNotContain("card-help-deflected")
                .doesNotContain("insight-breakdown").doesNotContain("chart-volume-heatmap")
                .doesNotContain("insight-top-issues").doesNotContain("小博");
        JsonNode trend = chart(page, "volume-trend");
        assertThat(values(trend, 0)).endsWith(0L, 2L);

        String bos = page(bo, Locale.SIMPLIFIED_CHINESE, Map.of());
        assertThat(card(bos, "agent-replies")).containsExactly("客服回复", "1", "上一周期：0");
        assertThat(card(bos, "resolution-median")).element(1).isEqualTo("1 小时 0 分钟");

        assertThat(csv(anna, "breakdown", Locale.ENGLISH, "agent")).as("the header and no one's figures").hasSize(1);
        assertThat(csv(anna, "top-issues", Locale.ENGLISH, null)).hasSize(1);
        List<CSVRecord> own = csv(anna, "headline", Locale.ENGLISH, null);
        assertThat(own.get(0).toList()).startsWith("Period", "Agent replies", "First responses", "Resolved");
        assertThat(own.get(1).toList()).startsWith("This period (2026-12-03 to 2026-12-03)", "2", "2", "1");
    }

    private UUID open(String account, String type, String channel, Map<String, String> metadata) {
        return desk.open(new NewTicket(game.id(), new PlayerIdentity(account, "玩家" + account, "S1", null), type,
                channel, null, "测试工单 " + type, "玩家的问题描述", null, metadata, true), List.of()).ticket().id();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(StaffMember member) {
        return user(new StaffUser(member, ""));
    }

    private String page(StaffMember reader, Locale locale, Map<String, String> params) throws Exception {
        MockHttpServletRequestBuilder request = get("/console/insight").locale(locale).with(as(reader));
        params.forEach(request::param);
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private List<CSVRecord> csv(StaffMember reader, String report, Locale locale, String by) throws Exception {
        MockHttpServletRequestBuilder request = get("/console/insight/export/" + report + ".csv")
                .param("games", game.id().toString()).param("from", "2026-12-03").param("to", "2026-12-03")
                .locale(locale).with(as(reader));
        if (by != null) {
            request.param("by", by);
        }
        byte[] bytes = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        return CSVParser.parse(new StringReader(text), CSVFormat.RFC4180).getRecords();
    }

    /** A card's label, figure and comparison, as the page shows them. */
    private static List<String> card(String page, String name) {
        Matcher card = Pattern.compile("data-testid=\"card-" + name + "\">\\s*<span[^>]*>([^<]*)</span>\\s*"
                + "<span[^>]*data-testid=\"card-value\">([^<]*)</span>\\s*<span[^>]*data-testid=\"card-previous\">([^<]*)</span>")
                .matcher(page);
        assertThat(card.find()).as("card " + name + " on the page").isTrue();
        return List.of(HtmlUtils.htmlUnescape(card.group(1)), HtmlUtils.htmlUnescape(card.group(2)),
                HtmlUtils.htmlUnescape(card.group(3)));
    }

    /** The chart's JSON, as the page's script reads it from the chart's data-chart attribute. */
    private JsonNode chart(String page, String name) {
        Matcher figure = Pattern.compile("data-testid=\"chart-" + name + "\">\\s*<div[^>]*data-chart=\"([^\"]*)\"")
                .matcher(page);
        assertThat(figure.find()).as("chart " + name + " on the page").isTrue();
        return json.readTree(HtmlUtils.htmlUnescape(figure.group(1)));
    }

    private static List<Long> values(JsonNode chart, int series) {
        List<Long> values = new java.util.ArrayList<>();
        chart.get("series").get(series).get("values").forEach(v -> values.add(v.isNull() ? null : v.asLong()));
        return values;
    }

    private void moveTo(Instant at) {
        clock.shift(Duration.between(clock.instant(), at));
    }

    /** Waits until every event is handled, then rolls the marked days up. */
    private void settle() {
        Settled.settle(meters, rollUp);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        StoppedClock stoppedClock() {
            return new StoppedClock();
        }
    }
}
