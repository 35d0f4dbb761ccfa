package org.playerdesk.workforce.internal.worklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.incident.IncidentDraft;
import org.playerdesk.incident.IncidentView;
import org.playerdesk.incident.Incidents;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The work log's pages as their readers use them: an agent's own log with the day's tickets and
 * field errors in both languages, who may open the lead's pages, and the morning meeting whose
 * agenda holds yesterday's unsolved problem and an incident opened yesterday, with its minutes
 * kept and readable afterwards. Everyone here lives in Shanghai, the department's default zone.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class WorkLogPagesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    Teams teams;
    @Autowired
    WorkLogs logs;
    @Autowired
    Incidents incidents;
    @Autowired
    StoppedClock clock;
    @Autowired
    MockMvc mvc;

    GameInfo game;
    StaffMember agent;
    StaffMember teamLead;
    StaffMember otherLead;
    StaffMember outsider;
    TeamView team;
    LocalDate yesterday;

    @BeforeEach
    void setUp() {
        yesterday = LocalDate.ofInstant(clock.instant(), SHANGHAI).plusDays(2);
        clock.moveTo(yesterday.atTime(15, 0).atZone(SHANGHAI).toInstant());
        game = workspace.game();
        agent = workspace.staff(StaffRole.AGENT_L1, game);
        teamLead = workspace.staff(StaffRole.AGENT_L2, game);
        otherLead = workspace.staff(StaffRole.AGENT_L2, game);
        outsider = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        team = teams.define(null, TestWorkspace.unique("早班"), teamLead.id(), List.of(agent.id()), admin);
        teams.define(null, TestWorkspace.unique("夜班"), otherLead.id(), List.of(outsider.id()), admin);
    }

    @Test
    void anAgentSeesTheirDayAndWritesAProblemWithFieldErrorsInTheirLanguage() throws Exception {
        TicketView ticket = workspace.ticket(game, "p-1", "payment").ticket();
        desk.reply(ticket.id(), Actor.agent(agent.id(), agent.displayName()), "您好，已为您查询，请稍候。", List.of(), null);

        String page = page(agent, "/console/worklog", Locale.ENGLISH);
        assertThat(page).contains("data-testid=\"worked-ticket\" data-number=\"" + ticket.number() + "\"",
                game.name(), "Draft: not submitted yet.").doesNotContain("/console/worklog/team");

        String english = mvc.perform(post("/console/worklog/entries").with(user(new StaffUser(agent, ""))).with(csrf())
                .locale(Locale.ENGLISH).param("category", "unsolved").param("text", " ").param("ticket", "987654321"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Please write something.", "There is no ticket 987654321 in your games.");
        String chinese = mvc.perform(post("/console/worklog/entries").with(user(new StaffUser(agent, ""))).with(csrf())
                .locale(Locale.SIMPLIFIED_CHINESE).param("category", "unsolved").param("text", "x".repeat(1001))
                .param("ticket", "一二三")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("内容过长：最多 1,000 个字符。", "请填写工单号，如 1024。");
        assertThat(logs.of(agent.id(), yesterday).entries()).as("nothing written").isEmpty();

        mvc.perform(post("/console/worklog/entries").with(user(new StaffUser(agent, ""))).with(csrf())
                .param("category", "unsolved").param("text", "充值未到账，财务核查中").param("ticket", "" + ticket.number()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/console/worklog/submit").with(user(new StaffUser(agent, ""))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/worklog/submit").with(user(new StaffUser(agent, ""))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(agent, "/console/worklog", Locale.SIMPLIFIED_CHINESE)).contains("充值未到账，财务核查中",
                game.name() + " #" + ticket.number(), "补充跟进");
        LogEntry entry = logs.of(agent.id(), yesterday).entries().getFirst();
        mvc.perform(post("/console/worklog/entries/" + entry.id() + "/solved").with(user(new StaffUser(outsider, "")))
                .with(csrf())).andExpect(status().isNotFound());
        assertThat(logs.of(agent.id(), yesterday).entries().getFirst().solved()).isFalse();
    }

    @Test
    void onlyLeadsOpenTheTeamsLogsAndTheMeetingAndOnlyForTheirOwnTeams() throws Exception {
        logs.write(agent, yesterday, "new", "新版本安装包校验失败", null, null);
        mvc.perform(get("/console/worklog/team").with(user(new StaffUser(agent, "")))).andExpect(status().isForbidden());
        mvc.perform(get("/console/worklog/meeting").with(user(new StaffUser(agent, ""))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/worklog").with(user(new StaffUser(workspace.staff(StaffRole.QA, game), ""))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/worklog/team").param("team", team.id().toString())
                .with(user(new StaffUser(otherLead, "")))).andExpect(status().isNotFound());

        String teamPage = page(teamLead, "/console/worklog/team?team=" + team.id() + "&q=校验", Locale.ENGLISH);
        assertThat(teamPage).contains("新版本安装包校验失败", "data-testid=\"search-hit\"",
                "data-testid=\"unsubmitted-person\"").doesNotContain(outsider.id().toString());
        assertThat(mvc.perform(get("/console/worklog/team").param("q", " ").with(user(new StaffUser(teamLead, "")))
                .locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("内容不能为空。");
    }

    @Test
    void theMorningMeetingCollectsYesterdaysOpenProblemsAndIncidentsAndKeepsItsMinutes() throws Exception {
        TicketView ticket = workspace.ticket(game, "p-2", "bug").ticket();
        LogEntry open = logs.write(agent, yesterday, "unsolved", "登录排队异常，技术部排查中", "" + ticket.number(), null);
        LogEntry solved = logs.write(agent, yesterday, "new", "商城图标显示错误", null, null);
        logs.solve(agent, solved.id(), true);
        logs.submit(agent, yesterday);
        IncidentView incident = incidents.open(game.id(), new IncidentDraft("S1 服登录失败", null, "S1", null, null),
                Actor.agent(teamLead.id(), teamLead.displayName()));
        clock.moveTo(yesterday.plusDays(1).atTime(8, 5).atZone(SHANGHAI).toInstant());

        String agenda = page(teamLead, "/console/worklog/meeting", Locale.ENGLISH);
        assertThat(agenda).contains("Morning meeting of " + yesterday.plusDays(1), "登录排队异常，技术部排查中",
                "data-key=\"entry:" + open.id() + "\"", "data-key=\"incident:" + incident.id() + "\"", "S1 服登录失败")
                .doesNotContain("商城图标显示错误");

        String refused = mvc.perform(minutes(teamLead, Locale.SIMPLIFIED_CHINESE).param("minutes", "先查登录")
                .param("owner:entry:" + open.id(), outsider.id().toString())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请从参会人员中选择负责人。");
        assertThat(page(teamLead, "/console/worklog/meeting", Locale.ENGLISH)).contains("No meeting kept yet.");

        mvc.perform(minutes(teamLead, Locale.ENGLISH).param("minutes", "登录问题：技术部今天中午前给结论。")
                .param("discussed", "entry:" + open.id()).param("owner:entry:" + open.id(), agent.id().toString()))
                .andExpect(status().is3xxRedirection());
        String kept = page(teamLead, "/console/worklog/meeting", Locale.ENGLISH);
        assertThat(kept).contains("登录问题：技术部今天中午前给结论。", "data-testid=\"past-meeting\"", "1 of 2 discussed");
        assertThat(page(otherLead, "/console/worklog/meeting", Locale.ENGLISH)).as("another team's meeting")
                .contains("No meeting kept yet.");

        String id = kept.replaceAll("(?s).*href=\"/console/worklog/meetings/([0-9a-f-]+)\".*", "$1");
        String read = page(teamLead, "/console/worklog/meetings/" + id, Locale.SIMPLIFIED_CHINESE);
        assertThat(read).contains("登录问题：技术部今天中午前给结论。", "登录排队异常，技术部排查中 (#" + ticket.number() + ")",
                "S1 服登录失败", agent.displayName());
        mvc.perform(get("/console/worklog/meetings/" + id).with(user(new StaffUser(otherLead, ""))))
                .andExpect(status().isNotFound());
    }

    private MockHttpServletRequestBuilder minutes(StaffMember lead, Locale locale) {
        return post("/console/worklog/meeting").with(user(new StaffUser(lead, ""))).with(csrf()).locale(locale)
                .param("day", yesterday.plusDays(1).toString()).param("team", team.id().toString());
    }

    private String page(StaffMember reader, String path, Locale locale) throws Exception {
        return mvc.perform(get(path).with(user(new StaffUser(reader, ""))).locale(locale)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
