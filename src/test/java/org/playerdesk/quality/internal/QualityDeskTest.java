package org.playerdesk.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.Sender;
import org.playerdesk.survey.Surveys;
import org.playerdesk.game.GameInfo;
import org.playerdesk.insight.figures.Settled;
import org.playerdesk.quality.ReviewState;
import org.playerdesk.quality.SampleReason;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The quality desk: the daily draw (complaints and hostile players first, nothing drawn twice, the
 * same picks again from the draw's seed), scoring on the scorecard with what the reply checks
 * found, the agent's acknowledgement or dispute, the lead's resolution, calibration, the scorecard's
 * versions, and the scores reaching the agent's figures.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class QualityDeskTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    Sampler sampler;
    @Autowired
    DailyDraw daily;
    @Autowired
    Reviews reviews;
    @Autowired
    Scorecards scorecards;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StoppedClock clock;
    @Autowired
    ChatDesk chats;
    @Autowired
    Surveys surveys;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    org.playerdesk.insight.figures.FigureRollUp rollUp;

    @Test
    void theDailyDrawTakesComplaintsAndHostilePlayersFirstNeverTwiceAndTheSameAgainFromItsSeed() {
        GameInfo game = workspace.game();
        StaffMember ann = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember bob = workspace.staff(StaffRole.AGENT_L1, game);
        sampler.setPerAgent(game.id(), 2);
        UUID complaint = answered(game, ann, "complaint", "您好，已收到您的投诉。");
        UUID hostile = answered(game, ann, "payment", "您好，请您稍等。");
        desk.tag(hostile, "hostile", Actor.SYSTEM);
        List<UUID> plain = List.of(answered(game, ann, "bug", "您好，已记录。"), answered(game, ann, "payment", "您好。"),
                answered(game, ann, "other", "您好，好的。"));
        UUID bobs = answered(game, bob, "bug", "您好，已转交技术部门。");
        // Cat's live chat, rated 1 by the player (the chat's rating is its ticket's survey answer), comes first
        StaffMember cat = workspace.staff(StaffRole.AGENT_L1, game);
        List.of(answered(game, cat, "bug", "您好。"), answered(game, cat, "payment", "您好。"));
        UUID unhappy = ratedChat(game, cat, 1);
        // the player's own words are nobody's conversation; another game's replies are not drawn here
        answered(workspace.game(), workspace.staff(StaffRole.AGENT_L1), "bug", "您好。");
        clock.shift(Duration.ofDays(1));
        LocalDate today = sampler.yesterday(game.id());

        assertThat(daily.drawYesterday()).isPositive();
        Sampler.Draw draw = sampler.find(game.id(), today).orElseThrow();
        Map<UUID, List<Sampler.Pick>> byAgent = draw.picks().stream()
                .collect(Collectors.groupingBy(Sampler.Pick::agentId));
        assertThat(byAgent.get(ann.id())).extracting(Sampler.Pick::ticketId).containsExactlyInAnyOrder(complaint, hostile);
        assertThat(byAgent.get(ann.id())).extracting(Sampler.Pick::reason)
                .containsExactlyInAnyOrder(SampleReason.COMPLAINT, SampleReason.HOSTILE);
        assertThat(byAgent.get(bob.id())).extracting(Sampler.Pick::ticketId).containsExactly(bobs);
        assertThat(byAgent.get(bob.id())).extracting(Sampler.Pick::reason).containsExactly(SampleReason.RANDOM);
        assertThat(byAgent.get(cat.id())).hasSize(2).first().satisfies(first -> {
            assertThat(first.ticketId()).isEqualTo(unhappy);
            assertThat(first.reason()).isEqualTo(SampleReason.LOW_SATISFACTION);
        });
        // drawn once: asked again, the day keeps its draw; drawn again from its seed, the same picks
        assertThat(sampler.draw(game.id(), today, null).id()).isEqualTo(draw.id());
        assertThat(daily.drawYesterday()).isZero();
        assertThat(sampler.replay(draw)).isEqualTo(draw.picks());

        // the next day Ann answers all five again: the two drawn are not drawn twice, two of the rest are
        List.of(complaint, hostile).forEach(id -> reply(id, ann, "您好，还有什么可以帮您？"));
        plain.forEach(id -> reply(id, ann, "您好，已处理。"));
        clock.shift(Duration.ofDays(1));
        Sampler.Draw next = sampler.draw(game.id(), today.plusDays(1), ann.id());
        assertThat(next.picks()).hasSize(2).extracting(Sampler.Pick::ticketId)
                .allMatch(plain::contains).doesNotContain(complaint, hostile);
        assertThat(next.picks()).extracting(Sampler.Pick::reason).containsOnly(SampleReason.RANDOM);
        assertThat(sampler.replay(next)).isEqualTo(next.picks());
    }

    @Test
    void aReviewerScoresOnTheScorecardBesideWhatTheChecksFoundAndTheAgentDisputesToALead() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember qa = workspace.staff(StaffRole.QA, game);
        UUID ticket = answered(game, agent, "payment", "嗯，好像已经到账了。");

        // the review page: the transcript with the findings, the deductions the checks point to marked
        String page = mvc.perform(get("/console/quality/reviews/" + ticket).param("agent", agent.id().toString())
                .with(user(new StaffUser(qa, ""))).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("服务态度", "用语规范", "专业度", "模糊用语“好像”", "data-finding=\"vague-word\"",
                "data-finding=\"no-greeting\"");
        assertThat(marked(page)).containsExactlyInAnyOrder("vague", "no-greeting");

        mvc.perform(post("/console/quality/reviews/" + ticket).param("agent", agent.id().toString())
                .param("mark", "vague", "no-greeting").param("comment", "回复要明确。")
                .with(user(new StaffUser(qa, ""))).with(csrf())).andExpect(status().is3xxRedirection());
        Reviews.Review scored = reviews.find(ticket, agent.id(), qa.id()).orElseThrow();
        assertThat(scored.score()).isEqualTo(35);
        assertThat(scored.max()).isEqualTo(40);
        assertThat(scored.percent()).isEqualTo(88);
        assertThat(scored.state()).isEqualTo(ReviewState.SCORED);
        // counted for the agent, out of 100
        await().atMost(Duration.ofSeconds(30)).until(() -> amount("qa:" + scored.id()), a -> a != null && a == 88);

        // a mark the scorecard does not know changes nothing; nobody scores their own conversation
        assertThatThrownBy(() -> reviews.score(ticket, agent.id(), qa, List.of("sloppy"), null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> reviews.score(ticket, agent.id(), agent, List.of(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.score(ticket, lead.id(), qa, List.of(), null))
                .isInstanceOfSatisfying(RuleViolation.class, r -> assertThat(r.code()).isEqualTo("quality.review.not-theirs"));

        // the agent sees it and disputes it; without a reason they are told why, in their language
        String mine = mvc.perform(get("/console/quality/mine").with(user(new StaffUser(agent, "")))
                .locale(Locale.ENGLISH)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains("35/40 points", "回复要明确。", "data-state=\"scored\"");
        mvc.perform(post("/console/quality/mine/" + scored.id() + "/dispute").param("comment", " ")
                .header("Referer", "http://localhost/console/quality/mine")
                .with(user(new StaffUser(agent, ""))).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("problem",
                        org.hamcrest.Matchers.containsString("Please write something.")));
        mvc.perform(post("/console/quality/mine/" + scored.id() + "/dispute").param("comment", "玩家先说了“好像”，我是复述。")
                .with(user(new StaffUser(agent, ""))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(reviews.get(scored.id()).state()).isEqualTo(ReviewState.DISPUTED);
        // answered: it cannot be acknowledged, nor scored again by its reviewer
        assertThatThrownBy(() -> reviews.acknowledge(scored.id(), agent)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> reviews.score(ticket, agent.id(), qa, List.of(), null)).isInstanceOf(RuleViolation.class);

        // QA cannot resolve it; the lead does, with the marks they find right
        assertThatThrownBy(() -> reviews.resolve(scored.id(), qa, List.of(), "同意")).isInstanceOf(AccessDeniedException.class);
        String desk = mvc.perform(get("/console/quality").param("game", game.code()).with(user(new StaffUser(lead, "")))
                .locale(Locale.SIMPLIFIED_CHINESE)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(desk).contains("data-testid=\"dispute\"", "玩家先说了“好像”，我是复述。");
        mvc.perform(post("/console/quality/disputes/" + scored.id()).param("mark", "no-greeting")
                .param("resolution", "复述玩家原话不算模糊用语。").with(user(new StaffUser(lead, ""))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Reviews.Review resolved = reviews.get(scored.id());
        assertThat(resolved.state()).isEqualTo(ReviewState.RESOLVED);
        assertThat(resolved.score()).isEqualTo(38);
        assertThat(resolved.resolution()).isEqualTo("复述玩家原话不算模糊用语。");
        // the agent's figures take the new score in place of the old
        await().atMost(Duration.ofSeconds(30)).until(() -> amount("qa:" + scored.id()), a -> a != null && a == 95);
        assertThat(jdbc.queryForObject("select count(*) from insight_event where event_key = ?", Integer.class,
                "qa:" + scored.id())).isEqualTo(1);

        // the dashboard's quality trend and the agent KPI table show it (one reply, flagged: 100 %)
        Settled.settle(meters, rollUp);
        String dashboard = mvc.perform(get("/console/insight").param("game", game.code()).param("period", "week")
                .with(user(new StaffUser(lead, ""))).locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard).contains("data-testid=\"chart-quality-trend\"", "QA score (of 100)",
                "Replies flagged by the checks (%)");
        String mineOnly = mvc.perform(get("/console/insight").param("game", game.code()).param("period", "week")
                .with(user(new StaffUser(agent, ""))).locale(Locale.ENGLISH)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(mineOnly).contains("data-testid=\"chart-quality-trend\"");
        assertThat(java.util.regex.Pattern.compile("<td[^>]*>95</td>").matcher(mineOnly.substring(
                mineOnly.indexOf("chart-quality-trend"))).find()).as("the agent's own score, 95").isTrue();
    }

    @Test
    void severalReviewersScoringOneConversationShowTheirSpreadAndAFatalErrorZeroesIt() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember qa = workspace.staff(StaffRole.QA, game);
        UUID ticket = answered(game, agent, "bug", "您好，问题已经记录，感谢您的反馈。");

        reviews.score(ticket, agent.id(), qa, List.of("silence"), null);
        Reviews.Review zero = reviews.score(ticket, agent.id(), lead, List.of("privacy", "silence"), "泄露了手机号");
        assertThat(zero.score()).isZero();
        assertThat(zero.fatal()).isTrue();

        List<Reviews.Calibration> calibrations = reviews.calibrations(List.of(game.id()), 10);
        assertThat(calibrations).hasSize(1);
        assertThat(calibrations.getFirst().spread()).isEqualTo(93);
        String desk = mvc.perform(get("/console/quality").param("game", game.code()).with(user(new StaffUser(qa, "")))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(desk).contains("data-testid=\"calibration\"", "data-spread=\"93\"", "spread 93");

        // the others' scores are shown to a reviewer once they scored it themselves
        StaffMember second = workspace.staff(StaffRole.QA, game);
        String before = mvc.perform(get("/console/quality/reviews/" + ticket).param("agent", agent.id().toString())
                .with(user(new StaffUser(second, "")))).andReturn().getResponse().getContentAsString();
        assertThat(before).doesNotContain("data-testid=\"review-others\"");
        String after = mvc.perform(get("/console/quality/reviews/" + ticket).param("agent", agent.id().toString())
                .with(user(new StaffUser(qa, "")))).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("data-testid=\"review-others\"");

        // an agent is no reviewer; a reviewer of other games does not find this one
        assertThat(mvc.perform(get("/console/quality").with(user(new StaffUser(agent, "")))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        StaffMember stranger = workspace.staff(StaffRole.QA, workspace.game());
        assertThat(mvc.perform(get("/console/quality/reviews/" + ticket).param("agent", agent.id().toString())
                .with(user(new StaffUser(stranger, "")))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aLeadSavesTheScorecardAsANewVersionAndABadLineIsNamedAndNothingSaved() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember qa = workspace.staff(StaffRole.QA, game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID ticket = answered(game, agent, "bug", "您好，已记录。");
        Reviews.Review first = reviews.score(ticket, agent.id(), qa, List.of("silence"), null);
        assertThat(scorecards.byId(first.scorecardId()).orElseThrow().version()).isEqualTo(1);

        String refused = mvc.perform(post("/console/quality/scorecard").param("game", game.code())
                .param("definition", "section | 态度 | Attitude | 50\nitem rude | 粗鲁 | Rude | lots\nitem Rude! | 粗鲁 | Rude | 5\n"
                        + "fatal leak | 泄露\nheadline | x | y")
                .with(user(new StaffUser(lead, ""))).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Line 2: points are a whole number from 1 to 100.",
                "Line 3: a code is lowercase letters, digits and dashes, 40 characters at most.",
                "Line 4: a fatal error is written", "Line 5: a line starts with section, item or fatal");
        assertThat(scorecards.history(game.id())).hasSize(1);
        // QA may read it, not change it
        assertThat(mvc.perform(post("/console/quality/scorecard").param("game", game.code())
                .param("definition", "section | 态度 | Attitude | 10").with(user(new StaffUser(qa, ""))).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);

        mvc.perform(post("/console/quality/scorecard").param("game", game.code())
                .param("definition", "# 简化版\nsection | 态度 | Attitude | 50\nitem rude | 粗鲁 | Rude | 20 | forbidden-phrase\n"
                        + "fatal leak | 泄露隐私 | Leaked data")
                .with(user(new StaffUser(lead, ""))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(scorecards.current(game.id()).version()).isEqualTo(2);
        assertThat(scorecards.current(game.id()).scorecard().max()).isEqualTo(50);
        // a review scored before keeps its version; a new one is scored on the new
        assertThat(reviews.get(first.id()).max()).isEqualTo(40);
        StaffMember other = workspace.staff(StaffRole.AGENT_L1, game);
        UUID second = answered(game, other, "bug", "您好，已记录。");
        Reviews.Review scored = reviews.score(second, other.id(), qa, List.of("rude"), null);
        assertThat(scored.score()).isEqualTo(30);
        assertThat(scored.max()).isEqualTo(50);
        String page = mvc.perform(get("/console/quality/scorecard").param("game", game.code())
                .with(user(new StaffUser(lead, ""))).locale(Locale.SIMPLIFIED_CHINESE)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("第 2 版", "泄露隐私");
    }

    /** A guest's live chat the agent answered and ended, rated by the player; its ticket. */
    private UUID ratedChat(GameInfo game, StaffMember agent, int score) {
        UUID chat = workspace.liveChat(game, agent, "充值没到账");
        chats.post(chat, Sender.agent(new StaffUser(agent, "")), "a-1", "您好，请稍等，正在为您查询。", null);
        chats.end(chat, Sender.player(chat));
        chats.rate(chat, score, "太慢了", List.of());
        UUID ticket = chats.view(chat).ticketId();
        await().atMost(Duration.ofSeconds(30)).until(() -> surveys.scoresOf(List.of(ticket)).containsKey(ticket));
        // counted once as satisfaction, from the chat
        await().atMost(Duration.ofSeconds(30)).until(() -> amount("csat:chat:" + chat) != null);
        assertThat(jdbc.queryForObject("select count(*) from insight_event where event_key like 'csat:survey:%' "
                + "and game_id = ?", Integer.class, game.id())).isZero();
        return ticket;
    }

    /** A ticket of the player's in the game that the agent answered. */
    private UUID answered(GameInfo game, StaffMember agent, String type, String reply) {
        UUID ticket = workspace.ticket(game, "qa-" + UUID.randomUUID().toString().substring(0, 8), type).ticket().id();
        reply(ticket, agent, reply);
        return ticket;
    }

    private void reply(UUID ticket, StaffMember agent, String text) {
        desk.reply(ticket, Actor.agent(agent.id(), agent.displayName()), text, List.of(), null);
    }

    private Integer amount(String key) {
        return jdbc.queryForList("select amount from insight_event where event_key = ?", Integer.class, key).stream()
                .findFirst().orElse(null);
    }

    /** The codes of the marks checked on a page. */
    private static Set<String> marked(String html) {
        return java.util.regex.Pattern.compile("<input[^>]*data-code=\"([a-z0-9-]+)\"[^>]*>").matcher(html).results()
                .filter(m -> m.group().contains("checked")).map(m -> m.group(1)).collect(Collectors.toSet());
    }

}
