package org.playerdesk.insight.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameProfile;
import org.playerdesk.insight.figures.FigureRollUp;
import org.playerdesk.insight.figures.Settled;
import org.playerdesk.insight.figures.Metric;
import org.playerdesk.insight.figures.TicketFacts;
import org.playerdesk.insight.kpi.AgentKpis.AgentRow;
import org.playerdesk.insight.kpi.AgentKpis.Board;
import org.playerdesk.insight.kpi.AgentKpis.TeamRow;
import org.playerdesk.insight.kpi.ChannelScorecard.Card;
import org.playerdesk.insight.kpi.ChannelScorecard.Measure;
import org.playerdesk.insight.kpi.ChannelScorecard.Score;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.insight.report.Table;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.routing.AgentTier;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketChannel;
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

/**
 * Agents' and teams' figures and the seed's channel scorecard on a small, fixed December, computed
 * by hand, and who sees what: an agent their own row only, a supervisor every agent of their games,
 * a supervisor of another game nothing of this one.
 *
 * <p>The day, in Shanghai (Wednesday 2 December, 10:00 is T): five tickets come in at T.
 * <ul>
 * <li>t1 web consultation, Li (first line): answered and resolved at T+60 min exactly;</li>
 * <li>t2 web complaint, Wang (second line): answered at T+10 min, answered again and resolved at T+2 h;</li>
 * <li>t3 phone bug, Li: answered at T+1 min exactly, resolved at T+70 min, reopened by the player
 * at T+80 min, resolved again at T+90 min;</li>
 * <li>t4 web consultation, Wang: answered the next day at T+25 h;</li>
 * <li>t5 web consultation, Zhao (first line): answered and resolved at T+20 min.</li>
 * </ul>
 * Two live chats answered by Li after waits of 300 and 302 seconds, rated 5 and 4.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, AgentKpisTest.Clocks.class })
class AgentKpisTest {

    private static final LocalDate DECEMBER_1 = LocalDate.of(2026, 12, 1);
    private static final LocalDate DECEMBER_31 = LocalDate.of(2026, 12, 31);

    @Autowired
    TestWorkspace workspace;
    @Autowired
    GameCatalog games;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketFacts facts;
    @Autowired
    FigureRollUp rollUp;
    @Autowired
    AgentKpis kpis;
    @Autowired
    ChannelScorecard scorecard;
    @Autowired
    List<ReportSource> reports;
    @Autowired
    StoppedClock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MockMvc mvc;

    GameProfile game;
    GameProfile otherGame;
    StaffMember li;
    StaffMember wang;
    StaffMember zhao;
    StaffMember supervisor;
    StaffMember otherSupervisor;
    StaffMember otherAgent;

    @BeforeEach
    void december() {
        game = games.register(TestWorkspace.unique("kpi"), "指标游戏", "zh-CN", "Asia/Shanghai", "always",
                GameProfile.CHANNELS);
        otherGame = games.register(TestWorkspace.unique("kpo"), "别家游戏", "zh-CN", "Asia/Shanghai", "always",
                GameProfile.CHANNELS);
        li = workspace.staff(StaffRole.AGENT_L1, game.info());
        wang = workspace.staff(StaffRole.AGENT_L2, game.info());
        zhao = workspace.staff(StaffRole.AGENT_L1, game.info());
        supervisor = workspace.staff(StaffRole.SUPERVISOR, game.info());
        otherSupervisor = workspace.staff(StaffRole.SUPERVISOR, otherGame.info());
        otherAgent = workspace.staff(StaffRole.AGENT_L1, otherGame.info());

        Instant t = Instant.parse("2026-12-02T02:00:00Z");
        moveTo(t);
        UUID t1 = open("k1", "consultation", "web");
        UUID t2 = open("k2", "complaint", "web");
        UUID t3 = open("k3", "bug", "phone");
        UUID t4 = open("k4", "consultation", "web");
        UUID t5 = open("k5", "consultation", "web");
        desk.assign(t1, li.id(), agent(li));
        desk.assign(t3, li.id(), agent(li));
        desk.assign(t2, wang.id(), agent(wang));
        desk.assign(t4, wang.id(), agent(wang));
        desk.assign(t5, zhao.id(), agent(zhao));

        moveTo(t.plus(Duration.ofMinutes(1)));
        desk.reply(t3, agent(li), "您好，请您稍等。", List.of(), TicketStatus.PENDING_PLAYER);
        moveTo(t.plus(Duration.ofMinutes(10)));
        desk.reply(t2, agent(wang), "您好，您的投诉已收到。", List.of(), TicketStatus.PENDING_PLAYER);
        moveTo(t.plus(Duration.ofMinutes(20)));
        desk.reply(t5, agent(zhao), "已为您处理。", List.of(), TicketStatus.RESOLVED);
        moveTo(t.plus(Duration.ofMinutes(60)));
        desk.reply(t1, agent(li), "已为您处理。", List.of(), TicketStatus.RESOLVED);
        moveTo(t.plus(Duration.ofMinutes(70)));
        desk.changeStatus(t3, TicketStatus.RESOLVED, agent(li));
        moveTo(t.plus(Duration.ofMinutes(80)));
        desk.changeStatus(t3, TicketStatus.OPEN, agent(li));
        moveTo(t.plus(Duration.ofMinutes(90)));
        desk.changeStatus(t3, TicketStatus.RESOLVED, agent(li));
        moveTo(t.plus(Duration.ofHours(2)));
        desk.reply(t2, agent(wang), "处理完毕，感谢您的耐心。", List.of(), TicketStatus.RESOLVED);
        moveTo(t.plus(Duration.ofHours(25)));
        desk.reply(t4, agent(wang), "抱歉久等。", List.of(), TicketStatus.PENDING_PLAYER);

        facts.count("chat-answered:" + game.id() + ":1", game.id(), t, Metric.CHATS_ANSWERED, li.id(), 300);
        facts.count("chat-answered:" + game.id() + ":2", game.id(), t, Metric.CHATS_ANSWERED, li.id(), 302);
        facts.count("chat:" + game.id() + ":1", game.id(), t, Metric.CHATS, null, 1);
        facts.count("chat:" + game.id() + ":2", game.id(), t, Metric.CHATS, null, 1);
        facts.count("csat:" + game.id() + ":1", game.id(), t, Metric.CSAT, li.id(), 5);
        facts.count("csat:" + game.id() + ":2", game.id(), t, Metric.CSAT, li.id(), 4);
        settle();
    }

    @Test
    void countsEachAgentsFiguresByHand() {
        Board board = kpis.board(request(supervisor, game));
        assertThat(board.lead()).isTrue();
        Map<UUID, AgentRow> rows = board.agents().stream().collect(Collectors.toMap(AgentRow::staffId, r -> r));
        assertThat(rows.keySet()).containsExactlyInAnyOrder(li.id(), wang.id(), zhao.id(), supervisor.id());

        Kpi mine = rows.get(li.id()).kpi();
        assertThat(mine.handled()).isEqualTo(2);
        assertThat(mine.replied()).isEqualTo(2);
        assertThat(mine.resolved()).isEqualTo(2);
        // t1 once answered and never reopened; t3 reopened
        assertThat(mine.firstContactResolution()).isEqualTo(0.5);
        assertThat(mine.reopenRate()).isEqualTo(0.5);
        // first responses 60 s and 3,600 s: the median by nearest rank is the first
        assertThat(mine.firstResponse()).isEqualTo(60L);
        // resolutions 3,600 s (t1) and 5,400 s (t3, resolved again)
        assertThat(mine.resolution()).isEqualTo(3600L);
        assertThat(mine.chatsAnswered()).isEqualTo(2);
        assertThat(mine.chatWait()).isEqualTo(301.0);
        assertThat(mine.csat()).isEqualTo(4.5);
        assertThat(mine.csatAnswers()).isEqualTo(2);
        // the game's default policies: t1 (consultation) answered in 60 min of 60 and resolved in 60 of 1,440;
        // t3 (phone) answered in 1 min of 1 and resolved in 90 of 1,440: every target met
        assertThat(mine.slaCompliance()).isEqualTo(1.0);

        Kpi wangs = rows.get(wang.id()).kpi();
        assertThat(wangs.handled()).isEqualTo(2);
        assertThat(wangs.replied()).isEqualTo(3);
        assertThat(wangs.resolved()).isEqualTo(1);
        assertThat(wangs.firstContactResolution()).isEqualTo(0.0);
        assertThat(wangs.reopenRate()).isEqualTo(0.0);
        // first responses 600 s (t2) and 25 hours (t4)
        assertThat(wangs.firstResponse()).isEqualTo(600L);
        assertThat(wangs.resolution()).isEqualTo(7200L);
        assertThat(wangs.csat()).isNull();

        Kpi idle = rows.get(supervisor.id()).kpi();
        assertThat(idle.handled()).isZero();
        assertThat(idle.firstContactResolution()).isNull();
        assertThat(idle.firstResponse()).isNull();
        assertThat(rows.get(supervisor.id()).team()).isEqualTo(AgentTier.LEAD);
    }

    @Test
    void addsUpATeamsAgents() {
        Board board = kpis.board(request(supervisor, game));
        Map<AgentTier, TeamRow> teams = board.teams().stream().collect(Collectors.toMap(TeamRow::team, t -> t));
        assertThat(teams.keySet()).containsExactlyInAnyOrder(AgentTier.L1, AgentTier.L2, AgentTier.LEAD);
        TeamRow firstLine = teams.get(AgentTier.L1);
        assertThat(firstLine.agents()).extracting(AgentRow::staffId).containsExactlyInAnyOrder(li.id(), zhao.id());
        Kpi team = firstLine.kpi();
        assertThat(team.handled()).isEqualTo(3);
        assertThat(team.replied()).isEqualTo(3);
        assertThat(team.resolved()).isEqualTo(3);
        assertThat(team.firstContactResolution()).isEqualTo(2.0 / 3);
        assertThat(team.reopenRate()).isEqualTo(1.0 / 3);
        // first responses 60, 1,200 and 3,600 s: the median of the agents' histograms added up, not of their medians
        assertThat(team.firstResponse()).isEqualTo(1200L);
        assertThat(team.resolution()).isEqualTo(3600L);
        assertThat(teams.get(AgentTier.L2).kpi().replied()).isEqualTo(3);

        Table table = report("teams").table(request(supervisor, game), Locale.SIMPLIFIED_CHINESE);
        assertThat(table.rows()).hasSize(3);
        assertThat(table.rows().getFirst().subList(0, 3)).containsExactly("一线客服", 2L, 3L);
    }

    @Test
    void showsAnAgentTheirOwnRowOnly() throws Exception {
        Board board = kpis.board(request(wang, game));
        assertThat(board.lead()).isFalse();
        assertThat(board.agents()).extracting(AgentRow::staffId).containsExactly(wang.id());
        assertThat(board.teams()).isEmpty();
        assertThat(report("agents").table(request(wang, game), Locale.ENGLISH).rows()).hasSize(1);
        assertThat(report("teams").table(request(wang, game), Locale.ENGLISH).rows()).isEmpty();

        // asking for another agent by the address changes nothing
        String page = mvc.perform(get("/console/insight/agents").param("from", "2026-12-01").param("to", "2026-12-31")
                .param("agent", li.id().toString()).with(user(new StaffUser(wang, "")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(agentsOnPage(page)).containsExactly(wang.id().toString());
        assertThat(page).doesNotContain("data-testid=\"team-kpis\"");
        // an agent does not see the scorecard of the whole department
        mvc.perform(get("/console/insight/scorecard").with(user(new StaffUser(wang, ""))))
                .andExpect(status().isForbidden());
    }

    @Test
    void showsASupervisorEveryAgentOfTheirGames() throws Exception {
        String page = mvc.perform(get("/console/insight/agents").param("from", "2026-12-01").param("to", "2026-12-31")
                .param("game", game.code()).header("Accept-Language", "zh-CN")
                .with(user(new StaffUser(supervisor, "")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(agentsOnPage(page)).containsExactlyInAnyOrder(li.id().toString(), wang.id().toString(),
                zhao.id().toString(), supervisor.id().toString());
        assertThat(page).contains("data-testid=\"agent-kpis\"", "data-testid=\"team-kpis\"", "一线客服",
                "50%", "1 小时 0 分钟");
        assertThat(page).doesNotContain(otherAgent.id().toString());

        // one agent by the address
        String one = mvc.perform(get("/console/insight/agents").param("from", "2026-12-01").param("to", "2026-12-31")
                .param("agent", li.id().toString()).with(user(new StaffUser(supervisor, "")))).andReturn()
                .getResponse().getContentAsString();
        assertThat(agentsOnPage(one)).containsExactly(li.id().toString());
    }

    @Test
    void showsAnotherGamesSupervisorNothingOfThisGame() throws Exception {
        ReportRequest asked = new ReportRequest(new StaffUser(otherSupervisor, ""), Set.of(game.id()), DECEMBER_1,
                DECEMBER_31);
        assertThat(kpis.board(asked).agents()).isEmpty();
        assertThat(report("scorecard").table(asked, Locale.ENGLISH).rows()).isEmpty();

        String refused = mvc.perform(get("/console/insight/agents").param("game", game.code())
                .header("Accept-Language", "en").with(user(new StaffUser(otherSupervisor, ""))))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("You do not serve this game").doesNotContain("data-testid=\"agent-kpi-row\"");
        mvc.perform(get("/console/insight/scorecard").param("game", game.code())
                .with(user(new StaffUser(otherSupervisor, "")))).andExpect(status().isForbidden());

        String own = mvc.perform(get("/console/insight/agents").param("from", "2026-12-01").param("to", "2026-12-31")
                .with(user(new StaffUser(otherSupervisor, "")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(agentsOnPage(own)).contains(otherAgent.id().toString()).doesNotContain(li.id().toString(),
                wang.id().toString());
    }

    @Test
    void explainsBadDaysOnThePage() throws Exception {
        String page = mvc.perform(get("/console/insight/agents").param("from", "2026-12-31").param("to", "2026-12-01")
                .header("Accept-Language", "en").with(user(new StaffUser(supervisor, ""))))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The last day comes before the first.");
        String chinese = mvc.perform(get("/console/insight/agents").param("from", "十二月")
                .header("Accept-Language", "zh-CN").with(user(new StaffUser(supervisor, ""))))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("请按 年-月-日 填写日期。");
    }

    @Test
    void scoresTheSeedsMeasuresAtTheirEdges() {
        Card card = scorecard.card(game.id(), DECEMBER_1, DECEMBER_31);
        Map<Measure, Score> scores = card.scores().stream().collect(Collectors.toMap(Score::measure, s -> s));
        // web: t1 at exactly one hour, t2 at ten minutes, t5 at twenty; t4 the next day
        assertThat(scores.get(Measure.WEB_WITHIN_HOUR)).isEqualTo(new Score(Measure.WEB_WITHIN_HOUR, 4, 3, 0.75, false));
        assertThat(scores.get(Measure.WEB_WITHIN_HALF_HOUR))
                .isEqualTo(new Score(Measure.WEB_WITHIN_HALF_HOUR, 4, 2, 0.5, false));
        // phone: t3 at exactly one minute
        assertThat(scores.get(Measure.PHONE_WITHIN_MINUTE))
                .isEqualTo(new Score(Measure.PHONE_WITHIN_MINUTE, 1, 1, 1.0, true));
        // live chats: waits of exactly five minutes and of two seconds more
        assertThat(scores.get(Measure.CHAT_WITHIN_FIVE_MINUTES))
                .isEqualTo(new Score(Measure.CHAT_WITHIN_FIVE_MINUTES, 2, 1, 0.5, false));
        // t2, the complaint, closed after two hours
        assertThat(scores.get(Measure.COMPLAINTS_WITHIN_TWO_DAYS))
                .isEqualTo(new Score(Measure.COMPLAINTS_WITHIN_TWO_DAYS, 1, 1, 1.0, true));
        // all but t4 answered on the day they came in
        assertThat(scores.get(Measure.SAME_DAY_REPLY)).isEqualTo(new Score(Measure.SAME_DAY_REPLY, 5, 4, 0.8, false));

        ChannelScorecard.ChannelRates email = card.channels().stream()
                .filter(c -> c.channel() == org.playerdesk.ticket.TicketChannel.EMAIL).findFirst().orElseThrow();
        assertThat(email.created()).isZero();
        assertThat(email.withinHour()).isNull();

        // a month without contacts has nothing to mark
        Card november = scorecard.card(game.id(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        assertThat(november.scores()).allSatisfy(score -> {
            assertThat(score.rate()).isNull();
            assertThat(score.met()).isNull();
        });
    }

    @Test
    void showsTheScorecardPageWithDashesForQuietChannels() throws Exception {
        String page = mvc.perform(get("/console/insight/scorecard").param("game", game.code())
                .param("from", "2026-12-01").param("to", "2026-12-31").header("Accept-Language", "en")
                .with(user(new StaffUser(supervisor, "")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("data-testid=\"channel-scorecard\"", "Web tickets answered within one hour",
                "75%", "clock time", "No tickets on this channel in these days");
        assertThat(count(page, "data-mark=\"met\"")).isEqualTo(2);
        assertThat(count(page, "data-mark=\"unmet\"")).isEqualTo(4);
        // every channel but the two of the test's tickets (web and phone) had nothing in these days
        assertThat(count(page, "data-quiet=\"true\"")).isEqualTo(TicketChannel.values().length - 2);

        Table table = report("scorecard").table(request(supervisor, game), Locale.SIMPLIFIED_CHINESE);
        assertThat(table.rows()).hasSize(Measure.values().length);
        assertThat(table.rows().getFirst()).containsExactly("指标游戏", "网站工单1小时内回复（满分）", 4L, 3L, 0.75, 0.9,
                "未达标");
    }

    private ReportRequest request(StaffMember reader, GameProfile chosen) {
        return new ReportRequest(new StaffUser(reader, ""), Set.of(chosen.id()), DECEMBER_1, DECEMBER_31);
    }

    private ReportSource report(String name) {
        return reports.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private UUID open(String account, String type, String channel) {
        return desk.open(new NewTicket(game.id(), new PlayerIdentity(TestWorkspace.unique(account), "玩家" + account,
                "S1", null), type, channel, null, "测试工单 " + type, "玩家的问题描述", null, Map.of(), true), List.of())
                .ticket().id();
    }

    private static Actor agent(StaffMember member) {
        return Actor.agent(member.id(), member.displayName());
    }

    private static List<String> agentsOnPage(String page) {
        Matcher rows = Pattern.compile("data-testid=\"agent-kpi-row\"[^>]*data-agent=\"([^\"]+)\"").matcher(page);
        List<String> ids = new java.util.ArrayList<>();
        while (rows.find()) {
            ids.add(rows.group(1));
        }
        return ids;
    }

    private static long count(String page, String text) {
        return Pattern.compile(Pattern.quote(text)).matcher(page).results().count();
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
