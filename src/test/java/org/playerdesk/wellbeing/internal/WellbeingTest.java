package org.playerdesk.wellbeing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatQueue;
import org.playerdesk.chat.ChatRulebook;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.ChatStarted;
import org.playerdesk.chat.Presence;
import org.playerdesk.chat.Sender;
import org.playerdesk.chat.internal.ChatTranscripts;
import org.playerdesk.game.GameInfo;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.workforce.Teams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Agent wellbeing end to end: hostile contacts counted from tagged tickets and abusive chat lines,
 * runs and the break suggested after three in a row, a break keeping new live chats away until it
 * ends, the board's figures and stress signals, who may see whom, the audit of every view, and
 * one-to-one talks. The clock stands at a Wednesday, 10:00 in Shanghai, moved on only by the test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class WellbeingTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    ConflictRetry conflicts;
    @Autowired
    ChatDesk chats;
    @Autowired
    ChatQueue queue;
    @Autowired
    ChatSeats seats;
    @Autowired
    ChatRulebook rulebook;
    @Autowired
    ChatTranscripts transcripts;
    @Autowired
    RoutingSetup routing;
    @Autowired
    Exposures exposures;
    @Autowired
    AuditLog audit;
    @Autowired
    StoppedClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    Teams teams;

    GameInfo game;
    GameInfo otherGame;
    StaffMember agent;
    StaffMember colleague;
    StaffMember supervisor;
    StaffMember otherSupervisor;
    StaffMember admin;

    @BeforeEach
    void setUp() {
        // the next Wednesday, 10:00 in Shanghai: the early shift (08:00-16:00) began two hours ago
        LocalDate wednesday = LocalDate.ofInstant(clock.instant(), SHANGHAI)
                .with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        clock.moveTo(wednesday.atTime(10, 0).atZone(SHANGHAI).toInstant());
        game = workspace.game();
        otherGame = workspace.game();
        agent = workspace.staff(StaffRole.AGENT_L1, game);
        colleague = workspace.staff(StaffRole.AGENT_L1, game);
        supervisor = workspace.staff(StaffRole.SUPERVISOR, game);
        otherSupervisor = workspace.staff(StaffRole.SUPERVISOR, otherGame);
        admin = workspace.staff(StaffRole.ADMIN);
        routing.changeSkills(agent.id(), null, null, 10, "Asia/Shanghai", "daily 08:00-16:00", null, supervisor);
        rulebook.configure(game.id(), null, true, null, null, null, null);
    }

    @Test
    void ticketsTaggedHostileCountForTheAgentHoldingOrAnsweringThemAndACalmReplyEndsTheRun() {
        hostileTicket(agent);                                   // held when tagged
        UUID taggedFirst = workspace.ticket(game, "p-2", "complaint").ticket().id();
        desk.tag(taggedFirst, "hostile", Actor.SYSTEM);
        minutes(1);
        desk.assign(taggedFirst, agent.id(), Actor.SYSTEM);     // assigned while tagged
        assertThat(awaitExposure(agent, 2).inARow()).isEqualTo(2);

        minutes(1);
        UUID calm = workspace.ticket(game, "p-3", "consultation").ticket().id();
        desk.reply(calm, Actor.agent(agent.id(), agent.displayName()), "您好，已为您查询，祝您游戏愉快！", List.of(), null);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(exposures.of(agent, clock.instant()).contactsShift()).isEqualTo(3));
        AgentWellbeing afterCalm = exposures.of(agent, clock.instant());
        assertThat(afterCalm.hostileShift()).isEqualTo(2);
        assertThat(afterCalm.inARow()).as("a calm contact ends the run").isZero();

        minutes(1);
        UUID answered = workspace.ticket(game, "p-4", "complaint").ticket().id();
        desk.tag(answered, "hostile", Actor.agent(colleague.id(), colleague.displayName()));
        desk.reply(answered, Actor.agent(agent.id(), agent.displayName()), "您好，非常理解您的心情，我们马上处理。", List.of(),
                null);
        AgentWellbeing later = awaitExposure(agent, 3);
        assertThat(later.inARow()).isEqualTo(1);
        assertThat(later.contactsShift()).isEqualTo(4);
        assertThat(later.hostileWeek()).isEqualTo(3);
        assertThat(exposures.of(colleague, clock.instant()).hostileShift()).as("the colleague only tagged it").isZero();
    }

    @Test
    void aLiveChatWithAnAbusiveLineIsAHostileContactAndACalmChatEndsTheRun() {
        seats.setPresence(agent, Presence.ONLINE, 3);
        StaffUser me = new StaffUser(agent, "");
        ChatStarted rude = chats.start(game.code(), null, "小雨", "c-1", "充值没到账");
        queue.accept(rude.chat().id(), me);
        minutes(1);
        chats.post(rude.chat().id(), Sender.player(rude.chat().id()), "c-2", "垃圾客服，去死吧", null);
        transcripts.transcribe(rude.chat().id());
        AgentWellbeing exposed = awaitExposure(agent, 1);
        assertThat(exposed.inARow()).isEqualTo(1);

        minutes(1);
        ChatStarted polite = chats.start(game.code(), null, "阿杰", "c-1", "礼包码用不了");
        // two minutes went by: the console's presence is renewed, as its heartbeat would have been (else
        // live chat's own sweep may have set the agent offline meanwhile)
        seats.setPresence(agent, Presence.ONLINE, 3);
        queue.accept(polite.chat().id(), me);
        chats.post(polite.chat().id(), Sender.agent(me), "a-1", "您好，请发一下礼包码", null);
        minutes(1);
        chats.end(polite.chat().id(), Sender.agent(me));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(exposures.of(agent, clock.instant()).contactsShift()).isEqualTo(2));
        assertThat(exposures.of(agent, clock.instant()).inARow()).isZero();

        minutes(1);
        chats.end(rude.chat().id(), Sender.agent(me));
        AgentWellbeing ended = exposures.of(agent, clock.instant());
        assertThat(ended.hostileShift()).as("the abusive chat counted once").isEqualTo(1);
    }

    @Test
    void threeHostileContactsInARowSuggestABreakWhichKeepsNewLiveChatsAwayUntilItEnds() throws Exception {
        seats.setPresence(agent, Presence.ONLINE, 3);
        hostileTicket(agent);
        hostileTicket(agent);
        awaitExposure(agent, 2);
        assertThat(banner(agent)).as("two in a row").doesNotContain("data-testid=\"break-suggestion\"");

        hostileTicket(agent);
        awaitExposure(agent, 3);
        assertThat(banner(agent)).contains("data-testid=\"break-suggestion\"",
                "You have handled 3 hostile contacts in a row. Take a 10-minute break?");
        assertThat(mvc.perform(get("/console/wellbeing/banner").with(user(new StaffUser(agent, "")))
                .locale(Locale.SIMPLIFIED_CHINESE)).andReturn().getResponse().getContentAsString())
                .contains("您已连续处理 3 个恶意接触");

        // three minutes went by with the three tickets: the console's presence is renewed, as its heartbeat
        // would have been (else live chat's own sweep may have set the agent offline meanwhile)
        seats.setPresence(agent, Presence.ONLINE, 3);
        mvc.perform(post("/console/wellbeing/me/break").with(user(new StaffUser(agent, ""))))
                .andExpect(status().isForbidden());
        assertThat(seats.seat(agent).free()).as("no break without the form's token").isTrue();
        mvc.perform(post("/console/wellbeing/me/break").with(user(new StaffUser(agent, ""))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Instant breakEnds = clock.instant().plus(Duration.ofMinutes(10));
        assertThat(seats.seat(agent).free()).isFalse();
        assertThat(seats.seat(agent).pausedUntil()).isEqualTo(breakEnds);
        assertThat(banner(agent)).doesNotContain("break-suggestion").contains("data-testid=\"on-break\"");

        ChatStarted waiting = chats.start(game.code(), null, "小雨", "c-1", "在吗");
        assertThatThrownBy(() -> queue.accept(waiting.chat().id(), new StaffUser(agent, "")))
                .isInstanceOfSatisfying(RuleViolation.class, r -> assertThat(r.code()).isEqualTo("chat.accept.on-break"));
        StaffMember other = workspace.staff(StaffRole.AGENT_L1, game);
        seats.setPresence(other, Presence.ONLINE, 3);
        assertThatThrownBy(() -> seats.transfer(queue.accept(waiting.chat().id(), new StaffUser(other, "")).id(),
                new StaffUser(other, ""), agent.id())).as("no colleague hands them one either")
                .isInstanceOf(RuleViolation.class);

        // the console's presence is renewed after each move of the clock, as its heartbeat would have
        clock.shift(Duration.ofMinutes(9));
        seats.setPresence(agent, Presence.ONLINE, 3);
        assertThat(seats.seat(agent).paused()).as("a minute still to go").isTrue();
        assertThat(seats.seat(agent).free()).isFalse();
        clock.shift(Duration.ofMinutes(1));
        seats.setPresence(agent, Presence.ONLINE, 3);
        assertThat(seats.seat(agent).paused()).isFalse();
        assertThat(seats.seat(agent).free()).as("the break is over").isTrue();
        AgentWellbeing rested = exposures.of(agent, clock.instant());
        assertThat(rested.inARow()).as("a break starts a new run").isZero();
        assertThat(rested.breaksShift()).isEqualTo(1);
        ChatStarted next = chats.start(game.code(), null, "阿杰", "c-1", "你好");
        assertThat(queue.accept(next.chat().id(), new StaffUser(agent, "")).agentId()).isEqualTo(agent.id());

        // a break ended early lets chats come again at once
        mvc.perform(post("/console/wellbeing/me/break").with(user(new StaffUser(agent, ""))).with(csrf()));
        assertThat(seats.seat(agent).paused()).isTrue();
        minutes(3);
        mvc.perform(post("/console/wellbeing/me/break/end").with(user(new StaffUser(agent, ""))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(seats.seat(agent).paused()).isFalse();
        assertThat(exposures.of(agent, clock.instant()).breaksShift()).isEqualTo(2);
    }

    @Test
    void theBoardShowsEachAgentsShiftAndWeekAndTheLongestStretchWithoutABreak() throws Exception {
        hostileTicket(agent);
        hostileTicket(agent);
        awaitExposure(agent, 2);
        mvc.perform(post("/console/wellbeing/me/break").with(user(new StaffUser(agent, ""))).with(csrf()));
        clock.shift(Duration.ofMinutes(70)); // 11:12: worked 08:00-10:02, rested 10:02-10:12, then 1 h

        String board = board(supervisor, Locale.ENGLISH);
        String row = row(board, agent);
        assertThat(row).contains("data-testid=\"hostile-shift\">2<", "data-testid=\"hostile-week\">2<",
                "data-testid=\"in-a-row\">0<", "data-testid=\"breaks-shift\">1<", "data-testid=\"breaks-week\">1<",
                "data-minutes=\"122\"", "2 h 2 min");
        assertThat(row(board, colleague)).contains("data-testid=\"hostile-shift\">0<", "data-minutes=\"0\"");
        assertThat(board).doesNotContain("data-agent=\"" + supervisor.id() + "\"")
                .doesNotContain("data-agent=\"" + otherSupervisor.id() + "\"");
        assertThat(board(supervisor, Locale.SIMPLIFIED_CHINESE)).contains("本班次恶意接触", "2 小时 2 分钟");

        String mine = mvc.perform(get("/console/wellbeing/me").with(user(new StaffUser(agent, "")))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mine).contains("This shift (08:00\u201316:00)", "data-testid=\"hostile-shift\">2<",
                "data-testid=\"longest-stretch\" data-minutes=\"122\"");
    }

    @Test
    void aSuddenRiseInFindingsReopensOrEscalationsShowsAsAStressSignal() throws Exception {
        // four weeks ago: one escalation, one ticket resolved (each change tried again when the ticket's own
        // listeners, routing and service levels, wrote it meanwhile, as the console's changes are)
        Actor me = Actor.agent(agent.id(), agent.displayName());
        UUID old = assigned(agent);
        conflicts.run(() -> desk.escalate(old, SupportLevel.SECOND_LINE, "需要二线处理", me));
        conflicts.run(() -> desk.changeStatus(old, TicketStatus.RESOLVED, me));
        clock.shift(Duration.ofDays(21));
        // the last seven days: four escalations, three tickets reopened of three resolved, vague replies
        for (int i = 0; i < 4; i++) {
            UUID ticket = assigned(agent);
            conflicts.run(() -> desk.escalate(ticket, SupportLevel.SECOND_LINE, "需要二线处理", me));
            if (i < 3) {
                conflicts.run(() -> desk.changeStatus(ticket, TicketStatus.RESOLVED, me));
                conflicts.run(() -> desk.changeStatus(ticket, TicketStatus.OPEN, me));
            }
        }
        UUID vague = assigned(agent);
        desk.reply(vague, Actor.agent(agent.id(), agent.displayName()), "嗯，好像是可能吧，您再等等。", List.of(), null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String row = row(board(supervisor, Locale.ENGLISH), agent);
            assertThat(row).contains("data-signal=\"escalations\" data-raised=\"true\"",
                    "data-signal=\"reopen-rate\" data-raised=\"true\"", "data-signal=\"qa-findings\" data-raised=\"true\"",
                    "data-signal=\"error-rate\" data-raised=\"false\"", "data-strained=\"true\"");
        });
        String row = row(board(supervisor, Locale.ENGLISH), agent);
        assertThat(row).contains("4 (in all the four weeks before: 1)", "100% (usually 0%)");
        assertThat(row(board(supervisor, Locale.ENGLISH), colleague)).contains("data-strained=\"false\"")
                .doesNotContain("data-raised=\"true\"");
    }

    @Test
    void onlyTheAgentAndTheirSupervisorsSeeTheirWellbeing() throws Exception {
        String page = "/console/wellbeing/agents/" + agent.id();
        mvc.perform(get(page).with(user(new StaffUser(agent, "")))).andExpect(status().isOk());
        mvc.perform(get(page).with(user(new StaffUser(supervisor, "")))).andExpect(status().isOk());
        mvc.perform(get(page).with(user(new StaffUser(admin, "")))).andExpect(status().isOk());
        mvc.perform(get(page).with(user(new StaffUser(colleague, "")))).andExpect(status().isNotFound());
        mvc.perform(get(page).with(user(new StaffUser(otherSupervisor, "")))).andExpect(status().isNotFound());
        // a supervisor is no other supervisor's lead
        mvc.perform(get("/console/wellbeing/agents/" + supervisor.id()).with(user(new StaffUser(otherSupervisor, ""))))
                .andExpect(status().isNotFound());

        mvc.perform(get("/console/wellbeing").with(user(new StaffUser(colleague, "")))).andExpect(status().isForbidden());
        assertThat(board(otherSupervisor, Locale.ENGLISH)).doesNotContain(agent.id().toString());
        mvc.perform(get("/console/wellbeing").param("game", game.code()).with(user(new StaffUser(otherSupervisor, ""))))
                .andExpect(status().isNotFound());
        assertThat(board(admin, Locale.ENGLISH)).contains("data-agent=\"" + agent.id() + "\"",
                "data-agent=\"" + supervisor.id() + "\"");
        assertThat(mvc.perform(get("/console/tickets").with(user(new StaffUser(supervisor, ""))))
                .andReturn().getResponse().getContentAsString()).contains("data-testid=\"nav-wellbeing\"");
        assertThat(mvc.perform(get("/console/tickets").with(user(new StaffUser(agent, ""))))
                .andReturn().getResponse().getContentAsString()).doesNotContain("data-testid=\"nav-wellbeing\"")
                .contains("data-testid=\"nav-wellbeing-me\"", "data-testid=\"wellbeing-banner\"");
    }

    @Test
    void aTeamsLeadSupervisesTheTeamsAgentsAndNoOneElse() throws Exception {
        StaffMember lead = workspace.staff(StaffRole.AGENT_L2, otherGame);
        StaffMember stranger = workspace.staff(StaffRole.AGENT_L1, game);
        mvc.perform(get("/console/wellbeing").with(user(new StaffUser(lead, "")))).andExpect(status().isForbidden());
        teams.define(null, "夜班组 " + lead.id(), lead.id(), List.of(agent.id(), otherSupervisor.id()), admin);

        // the team's agent, though the lead serves none of the agent's games; not a supervisor in the team
        mvc.perform(get("/console/wellbeing/agents/" + agent.id()).with(user(new StaffUser(lead, ""))))
                .andExpect(status().isOk());
        mvc.perform(get("/console/wellbeing/agents/" + stranger.id()).with(user(new StaffUser(lead, ""))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/wellbeing/agents/" + otherSupervisor.id()).with(user(new StaffUser(lead, ""))))
                .andExpect(status().isNotFound());
        String board = board(lead, Locale.ENGLISH);
        assertThat(board).contains("data-agent=\"" + agent.id() + "\"")
                .doesNotContain("data-agent=\"" + stranger.id() + "\"", "data-agent=\"" + otherSupervisor.id() + "\"");
        assertThat(mvc.perform(get("/console/wellbeing/me").with(user(new StaffUser(lead, "")))).andReturn()
                .getResponse().getContentAsString()).contains("data-testid=\"wellbeing-board-link\"");
        assertThat(mvc.perform(get("/console/wellbeing/me").with(user(new StaffUser(agent, "")))).andReturn()
                .getResponse().getContentAsString()).doesNotContain("data-testid=\"wellbeing-board-link\"");
        mvc.perform(post("/console/wellbeing/agents/" + agent.id() + "/talks").param("heldOn",
                LocalDate.ofInstant(clock.instant(), SHANGHAI).toString()).param("note", "聊了聊最近的投诉")
                .with(user(new StaffUser(lead, ""))).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void everyViewOfAnAgentsWellbeingIsWrittenToTheAuditLog() throws Exception {
        board(supervisor, Locale.ENGLISH);
        mvc.perform(get("/console/wellbeing/agents/" + agent.id()).with(user(new StaffUser(supervisor, ""))))
                .andExpect(status().isOk());
        mvc.perform(get("/console/wellbeing/me").with(user(new StaffUser(agent, "")))).andExpect(status().isOk());
        mvc.perform(get("/console/wellbeing/agents/" + agent.id()).with(user(new StaffUser(colleague, ""))))
                .andExpect(status().isNotFound());

        List<AuditLog.Entry> entries = audit.about("staff", agent.id().toString(), 10);
        assertThat(entries).extracting(AuditLog.Entry::action, AuditLog.Entry::actorId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("wellbeing.board", supervisor.id()),
                org.assertj.core.groups.Tuple.tuple("wellbeing.view", supervisor.id()),
                org.assertj.core.groups.Tuple.tuple("wellbeing.view", agent.id()));
        assertThat(audit.about("staff", colleague.id().toString(), 10)).extracting(AuditLog.Entry::action)
                .containsExactly("wellbeing.board");
    }

    @Test
    void aSupervisorNotesAOneToOneTalkThatOnlyTheAgentAndTheirSupervisorsRead() throws Exception {
        String talks = "/console/wellbeing/agents/" + agent.id() + "/talks";
        String today = LocalDate.ofInstant(clock.instant(), SHANGHAI).toString();
        String refused = mvc.perform(post(talks).param("heldOn", LocalDate.parse(today).plusDays(1).toString())
                .param("note", " ").with(user(new StaffUser(supervisor, ""))).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Please write something.", "This must be a time that has passed.");
        assertThat(mvc.perform(post(talks).param("heldOn", "2026-13-01").param("note", "谈话")
                .with(user(new StaffUser(supervisor, ""))).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andReturn().getResponse().getContentAsString()).contains("不是");

        mvc.perform(post(talks).param("heldOn", today).param("note", "聊了最近连续遇到辱骂的情况，肯定了她的处理，安排下周轮换到咨询组。")
                .with(user(new StaffUser(supervisor, ""))).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post(talks).param("heldOn", today).param("note", "我自己记一笔")
                .with(user(new StaffUser(agent, ""))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(talks).param("heldOn", today).param("note", "越权")
                .with(user(new StaffUser(colleague, ""))).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(talks).param("heldOn", today).param("note", "越权")
                .with(user(new StaffUser(otherSupervisor, ""))).with(csrf())).andExpect(status().isNotFound());

        String mine = mvc.perform(get("/console/wellbeing/me").with(user(new StaffUser(agent, ""))).locale(Locale.ENGLISH))
                .andReturn().getResponse().getContentAsString();
        assertThat(mine).contains("聊了最近连续遇到辱骂的情况", today + ", noted by " + supervisor.displayName())
                .doesNotContain("我自己记一笔", "越权").doesNotContain("data-testid=\"talk-form\"");
        assertThat(mine.split("data-testid=\"talk\"", -1)).hasSize(2);
        assertThat(mvc.perform(get("/console/wellbeing/agents/" + agent.id()).with(user(new StaffUser(supervisor, ""))))
                .andReturn().getResponse().getContentAsString()).contains("聊了最近连续遇到辱骂的情况",
                        "data-testid=\"talk-form\"");
    }

    // ---------------------------------------------------------------- helpers

    /** A ticket assigned to the agent and then tagged hostile, a minute later. */
    private UUID hostileTicket(StaffMember holder) {
        minutes(1);
        UUID ticket = assigned(holder);
        desk.tag(ticket, "hostile", Actor.agent(holder.id(), holder.displayName()));
        return ticket;
    }

    private UUID assigned(StaffMember holder) {
        UUID ticket = workspace.ticket(game, TestWorkspace.unique("p"), "complaint").ticket().id();
        desk.assign(ticket, holder.id(), Actor.SYSTEM);
        return ticket;
    }

    private AgentWellbeing awaitExposure(StaffMember member, int hostile) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(exposures.of(member, clock.instant()).hostileShift()).isEqualTo(hostile));
        return exposures.of(member, clock.instant());
    }

    private String banner(StaffMember member) throws Exception {
        return mvc.perform(get("/console/wellbeing/banner").with(user(new StaffUser(member, ""))).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String board(StaffMember reader, Locale locale) throws Exception {
        return mvc.perform(get("/console/wellbeing").with(user(new StaffUser(reader, ""))).locale(locale))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The board's row of one agent. */
    private static String row(String board, StaffMember member) {
        int start = board.indexOf("data-agent=\"" + member.id() + "\"");
        assertThat(start).as("the board shows " + member.username()).isNotNegative();
        return board.substring(start, board.indexOf("</tr>", start));
    }

    private void minutes(int count) {
        clock.shift(Duration.ofMinutes(count));
    }
}
